import { HostError } from '../host/actions';

/** What the adapter was doing, to finish the sentence "Word báo lỗi khi …". */
export type Doing = 'đọc các vị trí trong văn bản' | 'điền báo cáo' | 'đánh dấu vị trí' | 'đến vị trí' | 'đọc thông tin lần điền trước' | 'lưu thông tin lần điền';

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
      return new HostError(`Không tìm thấy vị trí cần thiết khi ${doing}: có thể vị trí vừa bị xóa hoặc văn bản đang thay đổi. Hãy thử lại.`);
    case 'AccessDenied':
    case 'ContentControlLocked':
      return new HostError(`Word không cho phép ${doing}: văn bản đang được bảo vệ, chỉ mở để đọc, hoặc có vị trí bị khóa sửa.`);
    case 'ApiNotFound':
    case 'ApiNotAvailable':
    case 'NotImplemented':
      return new HostError(`Phiên bản Word này chưa hỗ trợ thao tác ${doing}. Hãy cập nhật Office hoặc dùng Word trên web.`, 'unsupported');
    case 'InvalidArgument':
    case 'InvalidSelection':
      return new HostError(`Word không thực hiện được thao tác ${doing} ở vị trí đang chọn. Hãy đặt con trỏ vào một đoạn văn bình thường (không nằm trong bảng hay ô nội dung khác) rồi thử lại.`);
    default:
      return new HostError(`Word báo lỗi khi ${doing} (mã lỗi: ${code}). Hãy thử lại; nếu vẫn lỗi, hãy lưu, đóng và mở lại văn bản.`);
  }
}
