import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, webLightTheme } from '@fluentui/react-components';

/**
 * A whole-pane message for the states where there is no pane to show yet; `above` for one shown
 * over the pane (what this Office cannot do), which is then not the page's main region.
 */
export function Notice({ title, text, busy, intent = 'info', above }: { title?: string; text: string; busy?: boolean; intent?: 'info' | 'warning' | 'error'; above?: boolean }) {
  const Frame = above ? 'div' : 'main';
  return (
    <FluentProvider theme={webLightTheme}>
      <Frame style={above ? { padding: '12px 12px 0' } : { padding: 12 }} data-testid={above ? 'host-notice' : undefined}>
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
      </Frame>
    </FluentProvider>
  );
}
