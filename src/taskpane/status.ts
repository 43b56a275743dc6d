/** What the pane is doing, shared by the pane and its lazily loaded status bar. */
export type Busy = 'check' | 'clear' | 'insert' | null;

export interface StatusProps {
  busy: Busy;
  error: string | null;
  notice: string | null;
}

export function busyText(busy: Exclude<Busy, null>): string {
  return busy === 'check' ? 'Đang đọc và kiểm tra sổ tính…' : busy === 'clear' ? 'Đang xóa đánh dấu…' : 'Đang chèn mẫu chuẩn…';
}
