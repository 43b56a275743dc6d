import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, webLightTheme } from '@fluentui/react-components';

/** A whole-pane message for the states where there is no pane to show yet. */
export function Notice({ title, text, busy, intent = 'info' }: { title?: string; text: string; busy?: boolean; intent?: 'info' | 'warning' | 'error' }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 12 }}>
        {busy ? (
          <Spinner size="small" label={text} />
        ) : (
          <MessageBar intent={intent} layout="multiline" role={intent === 'error' ? 'alert' : 'status'}>
            <MessageBarBody>
              {title && <MessageBarTitle>{title}</MessageBarTitle>}
              {text}
            </MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}
