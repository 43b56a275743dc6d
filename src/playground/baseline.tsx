import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';

/** The bench's reference page: the least a Fluent pane can be, to compare the real pane's start-up with. */
createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Button appearance="primary">Kiểm tra số liệu</Button>
  </FluentProvider>,
);
