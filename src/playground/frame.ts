import { tokens } from '@fluentui/react-components';

/** The task pane's frame beside a playground's document: Office's pane width, scrolling on its own. */
export const PANE_FRAME = {
  flex: '0 0 320px',
  width: '320px',
  maxHeight: 'calc(100vh - 90px)',
  overflowY: 'auto',
  backgroundColor: tokens.colorNeutralBackground1,
  border: `1px solid ${tokens.colorNeutralStroke1}`,
  boxShadow: tokens.shadow4,
} as const;
