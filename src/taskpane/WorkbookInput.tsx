import { forwardRef, type ChangeEvent } from 'react';
import { makeStyles } from '@fluentui/react-components';
import { WORKBOOK_ACCEPT } from '../xlsx/accept';

const useStyles = makeStyles({
  hidden: { position: 'absolute', width: '1px', height: '1px', opacity: '0', overflow: 'hidden' },
});

interface Props {
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
  multiple?: boolean;
  id?: string;
  'data-testid': string;
}

/**
 * The workbook picker every pane opens from a button of its own: out of sight and out of the tab
 * order and the accessibility tree (the button is what is announced), offering the kinds the
 * reader reads.
 */
export const WorkbookInput = forwardRef<HTMLInputElement, Props>(function WorkbookInput({ onChange, multiple, id, 'data-testid': testId }, ref) {
  const s = useStyles();
  return <input ref={ref} id={id} className={s.hidden} type="file" multiple={multiple} accept={WORKBOOK_ACCEPT} tabIndex={-1} aria-hidden="true" onChange={onChange} data-testid={testId} />;
});
