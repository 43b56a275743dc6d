import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** A host failure as both panes show it: the adapter's Vietnamese sentence under one title. */
export function HostErrorBar({ error }: { error: string }) {
  return (
    <MessageBar intent="error" role="alert" data-testid="host-error">
      <MessageBarBody>
        <MessageBarTitle>Không thực hiện được</MessageBarTitle>
        {error}
      </MessageBarBody>
    </MessageBar>
  );
}
