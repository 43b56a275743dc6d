import { HostError } from '../host/actions';

/** What the adapter was doing, to finish the sentence "Excel báo lỗi khi …". */
export type Doing = 'đọc sổ' | 'tô màu các ô có vấn đề' | 'xóa tô màu' | 'chọn ô' | 'chèn các trang tính mẫu' | 'lưu kết quả kiểm tra' | 'ghi sổ tổng hợp' | 'ghi số tổng hợp vào các trang tính đã có';

/**
 * Office failures become HostError with a sentence an officer can act on; anything that is not an
 * Office error (a bug of ours) is passed on unchanged so it is not disguised as a host problem.
 */
export function toHostError(e: unknown, doing: Doing): unknown {
  if (e instanceof HostError) return e;
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string') return e;
  switch (code) {
    case 'ItemNotFound':
      return new HostError(`Không tìm thấy trang tính hoặc ô cần thiết khi ${doing}. Có thể trang tính đã bị đổi tên hoặc xóa; hãy kiểm tra lại rồi thử lại.`);
    case 'InvalidOperationInCellEditMode':
      return new HostError(`Excel đang ở chế độ sửa ô nên không thể ${doing}. Nhấn Enter hoặc Esc để thoát khỏi ô rồi thử lại.`);
    case 'AccessDenied':
    case 'InsertDeleteConflict':
      return new HostError(`Excel không cho phép ${doing}: sổ hoặc trang tính đang được bảo vệ hoặc chỉ mở để đọc.`);
    case 'ResponsePayloadSizeLimitExceeded':
    case 'RequestPayloadSizeLimitExceeded':
    case 'PayloadTooLarge':
      return new HostError(`Sổ quá lớn để Excel gửi trong một lần khi ${doing}. Hãy xóa bớt dữ liệu thừa ngoài các bảng rồi thử lại.`);
    case 'ApiNotFound':
    case 'ApiNotAvailable':
      return new HostError(`Phiên bản Excel này chưa hỗ trợ thao tác ${doing}. Hãy cập nhật Office hoặc dùng Excel trên web.`, 'unsupported');
    default:
      return new HostError(`Excel báo lỗi khi ${doing} (mã lỗi: ${code}). Hãy thử lại; nếu vẫn lỗi, hãy lưu, đóng và mở lại sổ.`);
  }
}
