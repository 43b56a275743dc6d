/**
 * A workbook the officer picked in a page (a browser File, or a stand-in in tests): sized before
 * it is loaded, so a huge file never fills the webview's memory, then read by what it is. Every
 * pane and page reads picked files through here, loaded with the reader on first use.
 */
import type { WorkbookModel } from '../core/model';
import { fileTooLarge, LIMITS, readWorkbook } from './read';

export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function readPickedWorkbook(file: PickedFile): Promise<{ model: WorkbookModel; bytes: Uint8Array }> {
  if (file.size > LIMITS.maxFileBytes) throw fileTooLarge(file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { model: await readWorkbook(bytes, file.name), bytes };
}
