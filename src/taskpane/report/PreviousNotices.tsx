import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';

/**
 * What a pane shows of a previous workbook its pairing rules did not take as it is (previous.ts,
 * `judgePrevious`): the refusal, or the question with «Vẫn so sánh». One component for the Excel
 * pane, the standalone page and the Word pane, so the three say it alike.
 */
export function PreviousNotices({ refused, pending, onForce, className }: { refused: string | null; pending: string | null; onForce: () => void; className?: string }) {
  return (
    <>
      {refused && (
        <Text className={className} data-testid="previous-refused">
          {refused}
        </Text>
      )}
      {pending && (
        <MessageBar intent="warning" layout="multiline" data-testid="previous-confirm">
          <MessageBarBody>{pending}</MessageBarBody>
          <Button size="small" onClick={onForce} data-testid="force-previous">
            Vẫn so sánh
          </Button>
        </MessageBar>
      )}
    </>
  );
}
