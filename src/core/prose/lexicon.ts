/**
 * The vocabulary of CCHC statistical statements, in one place: what a number counts (its noun),
 * what state the counted things are in (its status: received, resolved on time, pending…), which
 * counts a rate of that status may be over (its bases), and who the statement is about (its
 * subject: a level of government, a survey, a kind of staff). Phrases are folded (lower case, no
 * diacritics, "đ" → "d"), as src/core/prose/text.ts folds a paragraph. docs/doc-check.md says
 * how statements are read with it.
 *
 * The statuses follow the columns of the TTHC form (Biểu 06, docs/rules.md): files received
 * (new online, new in person or by post, carried over from the previous period), resolved (early,
 * on time, late), pending (within the deadline, overdue). Reports also speak of files due
 * ("đến hạn"), which resolved-on-time rates may be over.
 */

/** What a count counts. Counts of one family can be parts of one total. */
export const FAMILIES = ['hoso', 'tthc', 'don', 'nguoi', 'phieu', 'donvi', 'dvc', 'vanban', 'tin', 'other'] as const;
export type Family = (typeof FAMILIES)[number];

/** Folded noun phrase → family; longer phrases are tried first. "other" nouns still make a count. */
export const NOUN_FAMILY: Readonly<Record<string, Family>> = {
  'ho so thu tuc hanh chinh': 'hoso',
  'ho so tthc': 'hoso',
  'bo ho so': 'hoso',
  'ho so': 'hoso',
  hs: 'hoso',
  'truong hop': 'hoso',
  'luot ho so': 'hoso',
  'thu tuc hanh chinh': 'tthc',
  tthc: 'tthc',
  'thu tuc': 'tthc',
  'dich vu cong truc tuyen': 'dvc',
  'dich vu cong': 'dvc',
  dvc: 'dvc',
  dvctt: 'dvc',
  'don thu': 'don',
  'don': 'don',
  'kien nghi': 'don',
  'phan anh': 'don',
  'phan anh, kien nghi': 'don',
  'luot phan anh': 'don',
  'nguoi lao dong': 'nguoi',
  nguoi: 'nguoi',
  'vien chuc': 'nguoi',
  'cong chuc': 'nguoi',
  'can bo': 'nguoi',
  'chi tieu': 'nguoi',
  'bien che': 'nguoi',
  'lao dong': 'nguoi',
  phieu: 'phieu',
  'phieu khao sat': 'phieu',
  'luot danh gia': 'phieu',
  'don vi': 'donvi',
  'co quan': 'donvi',
  'co so': 'donvi',
  'benh vien': 'donvi',
  'trung tam': 'donvi',
  'tram y te': 'donvi',
  'van ban': 'vanban',
  'tin, bai': 'tin',
  'tin bai': 'tin',
  tin: 'tin',
  bai: 'tin',
  'nhiem vu': 'other',
  'y kien': 'other',
  'phong su': 'other',
  buoi: 'other',
  luot: 'other',
  'diem cau': 'other',
  'ke hoach': 'other',
  'tieu chuan': 'other',
  'giay phep': 'other',
  'chung chi': 'other',
  lop: 'other',
  'hoi nghi': 'other',
  cuoc: 'other',
  dot: 'other',
  'vu viec': 'other',
  'linh vuc': 'other',
  'chuyen muc': 'other',
  'trieu dong': 'other',
  'ty dong': 'other',
  'tai khoan': 'other',
  'chu ky so': 'other',
  'quy trinh': 'other',
};

/** Noun phrases, longest first (so "don vi" wins over "don", "ho so tthc" over "ho so"). */
export const NOUNS: readonly string[] = Object.keys(NOUN_FAMILY).sort((a, b) => b.length - a.length);

/** "3,8 ngàn hồ sơ": a rounded count; its exact value is unknown, so it is never a base or a part. */
export const SCALES: Readonly<Record<string, number>> = { nghin: 1e3, ngan: 1e3, trieu: 1e6 };

/**
 * States of the things counted. For files (hồ sơ) and complaints (đơn): received (ambiguous:
 * new files of the period, or all files to handle), new, total (new + carried over), online,
 * direct (in person or by post), postal (by post, where a report names it apart), carried,
 * resolved, early, onTime, earlyOrOnTime, late, pending, pendingInTime, pendingLate, due, withdrawn. For TTHC: a level (province, district, commune,
 * departments), oneStop, online services, internal procedures. For staff: assigned, present,
 * short. For ratings: the four levels. For surveys: the indices.
 */
export const STATUSES = [
  'received', 'new', 'total', 'online', 'direct', 'postal', 'carried', 'resolved', 'early', 'onTime', 'earlyOrOnTime', 'late',
  'pending', 'pendingInTime', 'pendingLate', 'due', 'withdrawn',
  'province', 'district', 'commune', 'oneStop', 'onlineService', 'internalProcedure',
  'published', 'amended', 'abolished',
  'assigned', 'present', 'short',
  'htxs', 'htt', 'ht', 'kht', 'rated', 'notRated',
  'satisfied', 'comprehensive', 'expectation', 'returning',
] as const;
export type Status = (typeof STATUSES)[number];

/**
 * Folded phrases → status. Where phrases end at the same place the longer one wins
 * ("dang giai quyet qua han" is pendingLate, not late); otherwise the one that ends last
 * (closest to the figure). "duoc" is dropped before matching ("đã được giải quyết").
 */
export const STATUS_PHRASES: Readonly<Record<string, Status>> = {
  'tiep nhan': 'received',
  'nhan': 'received',
  'da nhan': 'received',
  'tiep nhan va giai quyet': 'received',
  'tiep nhan, giai quyet': 'received',
  'tiep nhan va xu ly': 'received',
  'tiep nhan moi': 'new',
  'moi tiep nhan': 'new',
  'tiep nhan trong ky': 'new',
  'nhan moi': 'new',
  'tong so ho so': 'total',
  'nhan giai quyet': 'total',
  'phai giai quyet': 'total',
  'can giai quyet': 'total',
  'thu ly': 'total',
  'tong so ho so giai quyet': 'total',
  'truc tuyen': 'online',
  'qua mang': 'online',
  'dich vu cong truc tuyen': 'online',
  'qua cong dich vu cong': 'online',
  'tren cong dich vu cong': 'online',
  'truc tiep': 'direct',
  // "trực tiếp 2.310, qua bưu chính công ích 420": named apart, by post is a part of its own
  // ("trực tiếp hoặc qua dịch vụ bưu chính", longer, stays one state, the form's column).
  'buu chinh': 'postal',
  'qua buu chinh': 'postal',
  'qua dich vu buu chinh': 'postal',
  'qua dich vu buu chinh cong ich': 'postal',
  'truc tiep va qua dich vu buu chinh cong ich': 'direct',
  'truc tiep hoac qua dich vu buu chinh': 'direct',
  'ky truoc chuyen sang': 'carried',
  'ky truoc chuyen qua': 'carried',
  'chuyen tu ky truoc': 'carried',
  'ton ky truoc': 'carried',
  'ton tu ky truoc': 'carried',
  'giai quyet': 'resolved',
  'da giai quyet': 'resolved',
  'giai quyet xong': 'resolved',
  'da tra ket qua': 'resolved',
  'tra ket qua': 'resolved',
  'da xu ly': 'resolved',
  'xu ly xong': 'resolved',
  'hoan thanh': 'resolved',
  'truoc han': 'early',
  'truoc thoi han': 'early',
  'som han': 'early',
  'dung han': 'onTime',
  'dung thoi han': 'onTime',
  'dung hen': 'onTime',
  'truoc han va dung han': 'earlyOrOnTime',
  'truoc va dung han': 'earlyOrOnTime',
  'dung va truoc han': 'earlyOrOnTime',
  'dung han va truoc han': 'earlyOrOnTime',
  'som va dung han': 'earlyOrOnTime',
  'dung han, truoc han': 'earlyOrOnTime',
  'truoc han, dung han': 'earlyOrOnTime',
  'dung va som han': 'earlyOrOnTime',
  'truoc dung han': 'earlyOrOnTime',
  'dung han va som han': 'earlyOrOnTime',
  'som han va dung han': 'earlyOrOnTime',
  // "giải quyết trong hạn": resolved within the deadline; "đang giải quyết trong hạn" (longer) stays pending.
  'giai quyet trong han': 'earlyOrOnTime',
  'qua han': 'late',
  'qua thoi han': 'late',
  'tre han': 'late',
  'tre thoi han': 'late',
  'tre hen': 'late',
  'cham han': 'late',
  'cham, qua han': 'late',
  'cham muon': 'late',
  'cham tra': 'late',
  'dang giai quyet': 'pending',
  'dang xu ly': 'pending',
  'chua giai quyet': 'pending',
  'dang thu ly': 'pending',
  'chua giai quyet xong': 'pending',
  'trong han': 'pendingInTime',
  'chua den han': 'pendingInTime',
  'con han': 'pendingInTime',
  'dang giai quyet qua han': 'pendingLate',
  'dang giai quyet trong han': 'pendingInTime',
  'den han': 'due',
  'den han giai quyet': 'due',
  'den han tra ket qua': 'due',
  'rut': 'withdrawn',
  'rut ho so': 'withdrawn',
  'tra lai': 'withdrawn',
  'huy': 'withdrawn',
  'cap tinh': 'province',
  'cac so, nganh': 'province',
  'so, nganh': 'province',
  'cap huyen': 'district',
  'cap xa': 'commune',
  'mot cua': 'oneStop',
  'mot cua, mot cua lien thong': 'oneStop',
  'co che mot cua': 'oneStop',
  'cung cap dich vu cong truc tuyen': 'onlineService',
  'quy trinh noi bo': 'internalProcedure',
  // A decision publishing the TTHC catalogue lists procedures new, amended, and abolished or replaced.
  'cong bo moi': 'published',
  'ban hanh moi': 'published',
  'moi ban hanh': 'published',
  'sua doi, bo sung': 'amended',
  'sua doi bo sung': 'amended',
  'bai bo': 'abolished',
  'bai bo, thay the': 'abolished',
  'thay the, bai bo': 'abolished',
  'duoc giao': 'assigned',
  // "biên chế được giao năm 2022 là 1.250": "được" is dropped before matching, and a lone "giao" counts only next to the figure.
  'bien che giao': 'assigned',
  'chi tieu giao': 'assigned',
  'giao': 'assigned',
  'co mat': 'present',
  'hien co': 'present',
  'thuc te': 'present',
  'con thieu': 'short',
  'thieu': 'short',
  'hoan thanh xuat sac nhiem vu': 'htxs',
  'hoan thanh tot nhiem vu': 'htt',
  'hoan thanh nhiem vu': 'ht',
  'khong hoan thanh nhiem vu': 'kht',
  'danh gia, xep loai': 'rated',
  'danh gia': 'rated',
  'khong danh gia': 'notRated',
  'chua danh gia': 'notRated',
  'tong so': 'total',
  'tong cong': 'total',
  'quy trinh noi bo giai quyet': 'internalProcedure',
  'hai long chung': 'satisfied',
  'hai long': 'satisfied',
  'hai long toan dien': 'comprehensive',
  'so voi mong doi': 'expectation',
  'mong doi': 'expectation',
  'quay lai': 'returning',
};

/** The status phrases, longest first. */
export const STATUS_LIST: readonly string[] = Object.keys(STATUS_PHRASES).sort((a, b) => b.length - a.length);

/**
 * The parts a status splits into (a partition: the parts add up to it). A breakdown whose parts
 * cover one of its total's partitions must add up exactly, whatever its marker; one that names
 * only some parts ("trong đó trực tuyến 85") may fall short.
 */
export const PARTITIONS: Readonly<Partial<Record<Status, readonly (readonly Status[])[]>>> = {
  // "đúng hạn 17265/trễ hạn 1458" of the files resolved: reports often say on time for early or on time.
  resolved: [['early', 'onTime', 'late'], ['earlyOrOnTime', 'late'], ['onTime', 'late']],
  earlyOrOnTime: [['early', 'onTime']],
  pending: [['pendingInTime', 'pendingLate']],
  new: [['online', 'direct'], ['online', 'direct', 'postal']],
  total: [['online', 'direct', 'carried'], ['online', 'direct', 'postal', 'carried'], ['new', 'carried'], ['resolved', 'pending'], ['province', 'district', 'commune'], ['published', 'amended', 'abolished']],
  // "Tiếp nhận" is either the new files or all files to handle (with those carried over): online +
  // in person may fall short of it by the files carried over, so only the larger splits are whole.
  received: [['online', 'direct', 'carried'], ['online', 'direct', 'postal', 'carried'], ['new', 'carried'], ['resolved', 'pending']],
  rated: [['htxs', 'htt', 'ht', 'kht']],
};

/** For each status of files, which statuses it may be a part of. */
export const CHILD_OF: Readonly<Partial<Record<Status, readonly Status[]>>> = {
  early: ['resolved', 'earlyOrOnTime', 'due'],
  onTime: ['resolved', 'earlyOrOnTime', 'due'],
  earlyOrOnTime: ['resolved', 'due'],
  late: ['resolved', 'pending', 'due'],
  pendingInTime: ['pending'],
  pendingLate: ['pending'],
  online: ['received', 'new', 'total'],
  direct: ['received', 'new', 'total'],
  postal: ['received', 'new', 'total', 'direct'],
  carried: ['received', 'total'],
  new: ['total', 'received'],
  resolved: ['total', 'received', 'due'],
  pending: ['total', 'received'],
  withdrawn: ['total', 'received'],
  due: ['total', 'received'],
  province: ['total'],
  district: ['total'],
  commune: ['total'],
  published: ['total'],
  amended: ['total'],
  abolished: ['total'],
  htxs: ['rated'],
  htt: ['rated'],
  ht: ['rated'],
  kht: ['rated'],
  present: ['assigned'],
};

/**
 * Which counts a rate of a status may be over, by the wording of CCHC statistics: early / on time /
 * late over files resolved, files due, or files received; online and in person over files
 * received; pending overdue over files pending; a level's TTHC over all TTHC; present staff over
 * the assigned quota; a rating level over the staff rated. QĐ 766/QĐ-TTg's on-time rate also counts
 * files pending within their deadline (checkProse adds that reading).
 */
export const BASES: Readonly<Partial<Record<Status, readonly Status[]>>> = {
  early: ['resolved', 'due', 'total', 'received', 'new'],
  onTime: ['resolved', 'due', 'total', 'received', 'new'],
  earlyOrOnTime: ['resolved', 'due', 'total', 'received', 'new'],
  late: ['resolved', 'due', 'total', 'received', 'new', 'pending'],
  online: ['received', 'new', 'total'],
  direct: ['received', 'new', 'total'],
  postal: ['received', 'new', 'total'],
  carried: ['received', 'total'],
  new: ['total', 'received'],
  resolved: ['total', 'received', 'new', 'due'],
  pending: ['total', 'received', 'new'],
  pendingInTime: ['pending', 'total', 'received'],
  pendingLate: ['pending', 'total', 'received'],
  withdrawn: ['total', 'received', 'resolved'],
  due: ['total', 'received'],
  province: ['total'],
  district: ['total'],
  commune: ['total'],
  oneStop: ['total'],
  onlineService: ['total'],
  internalProcedure: ['total'],
  present: ['assigned'],
  short: ['assigned'],
  htxs: ['rated', 'total'],
  htt: ['rated', 'total'],
  ht: ['rated', 'total'],
  kht: ['rated', 'total'],
};

/**
 * Bases a rate may be over but that do not by themselves show it is wrong. Early, on-time and late
 * rates are over the files resolved or due; reports often state only the files received, and an
 * on-time rate that matches the files received confirms the sentence, but one that does not may
 * simply be over the files resolved, which the sentence does not give. Such a rate is checked only
 * against a base its wording requires (lexicon BASES less these), else left unjudged.
 */
export const WEAK_BASES: Readonly<Partial<Record<Status, readonly Status[]>>> = {
  early: ['total', 'received', 'new'],
  onTime: ['total', 'received', 'new'],
  earlyOrOnTime: ['total', 'received', 'new'],
  late: ['total', 'received', 'new'],
};

/**
 * Named indices, one figure per subject and year (indices.ts), by their folded names: each name
 * to the index as the officer reads it. "Chỉ số hài lòng" alone is left out: hospitals report a
 * patients' satisfaction index under that name too, another figure than SIPAS.
 */
export const INDEX_NAMES: Readonly<Record<string, string>> = {
  'chi so cai cach hanh chinh': 'Chỉ số cải cách hành chính (PAR Index)',
  'chi so cchc': 'Chỉ số cải cách hành chính (PAR Index)',
  'par index': 'Chỉ số cải cách hành chính (PAR Index)',
  'chi so par index': 'Chỉ số cải cách hành chính (PAR Index)',
  sipas: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
  'chi so sipas': 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
  'chi so hai long ve su phuc vu hanh chinh': 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
  papi: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)',
  'chi so papi': 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)',
  pci: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)',
  'chi so pci': 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)',
  ddci: 'Chỉ số năng lực cạnh tranh cấp sở, ngành và địa phương (DDCI)',
  'chi so ddci': 'Chỉ số năng lực cạnh tranh cấp sở, ngành và địa phương (DDCI)',
};
export const INDEX_LIST: readonly string[] = Object.keys(INDEX_NAMES).sort((a, b) => b.length - a.length);

/**
 * Score sets whose groups add up to a whole, keyed by legal basis: the groups of QĐ 766/QĐ-TTg
 * (23/6/2022), "Bộ chỉ số phục vụ người dân, doanh nghiệp", 100 points (indices.ts). Each group by
 * its maximum and the folded names reports give it.
 */
export const SCORE_SETS: Readonly<Record<string, { total: number; cue: RegExp; groups: readonly { name: string; max: number; phrases: readonly string[] }[] }>> = {
  'QĐ 766/QĐ-TTg': {
    total: 100,
    cue: /\b(?:bo chi so|tong diem|tong so diem)\b/,
    groups: [
      { name: 'công khai, minh bạch', max: 18, phrases: ['cong khai, minh bach', 'cong khai minh bach', 'cong khai, minh bach thong tin'] },
      { name: 'tiến độ giải quyết', max: 20, phrases: ['tien do giai quyet', 'tien do, ket qua giai quyet', 'tien do'] },
      { name: 'dịch vụ công trực tuyến', max: 12, phrases: ['dich vu cong truc tuyen', 'dich vu truc tuyen'] },
      { name: 'thanh toán trực tuyến', max: 10, phrases: ['thanh toan truc tuyen'] },
      { name: 'mức độ hài lòng', max: 18, phrases: ['muc do hai long', 'su hai long'] },
      { name: 'số hóa hồ sơ', max: 22, phrases: ['so hoa ho so', 'so hoa'] },
    ],
  },
};

/** Words naming units or places: "10/17 sở, ngành đạt trên 90%" counts units that reach a rate, it is not that rate. */
export const UNIT_WORDS = /^\s*(?:so|nganh|so, nganh|so, ban, nganh|huyen|xa|phuong|thi tran|thanh pho|thi xa|dia phuong|don vi|co quan|benh vien|trung tam|tinh|tinh, thanh pho|bo, nganh)\b/;

/** Words that name a count as a total of what follows or of what a rate is over. */
// "khảo sát 500 người bệnh: hài lòng 475 người (95%)": the people surveyed are the base of what they answered.
export const TOTAL_CUES = /(?:tong so|tong cong|tong|toan bo|tat ca|trong so|tren tong so|tren|khao sat|lay y kien)\s*$/;

/** Who a statement is about. */
export const SUBJECT_PHRASES: Readonly<Record<string, string>> = {
  'cap tinh': 'cấp tỉnh',
  'cac so, nganh': 'các sở, ngành',
  'so, ban, nganh': 'các sở, ngành',
  'cap huyen': 'cấp huyện',
  'cap xa': 'cấp xã',
  'noi tru': 'người bệnh nội trú',
  'ngoai tru': 'người bệnh ngoại trú',
  'nhan vien y te': 'nhân viên y tế',
  'nguoi dan, to chuc': 'người dân, tổ chức',
  'nguoi dan': 'người dân, tổ chức',
  'ba me': 'người mẹ sinh con',
  'me sinh con': 'người mẹ sinh con',
  'cong chuc': 'công chức',
  'vien chuc': 'viên chức',
  'hop dong': 'lao động hợp đồng',
  'nguoi lao dong': 'lao động hợp đồng',
};
export const SUBJECT_LIST: readonly string[] = Object.keys(SUBJECT_PHRASES).sort((a, b) => b.length - a.length);

/** Vietnamese name of each status, for the "đọc là" line of a finding. */
export const STATUS_NAME: Readonly<Record<Status, string>> = {
  received: 'tiếp nhận',
  new: 'tiếp nhận mới',
  total: 'tổng số',
  online: 'trực tuyến',
  direct: 'trực tiếp, bưu chính',
  postal: 'qua bưu chính',
  carried: 'kỳ trước chuyển sang',
  resolved: 'đã giải quyết',
  early: 'trước hạn',
  onTime: 'đúng hạn',
  earlyOrOnTime: 'trước hạn và đúng hạn',
  late: 'quá hạn',
  pending: 'đang giải quyết',
  pendingInTime: 'trong hạn',
  pendingLate: 'đang giải quyết quá hạn',
  due: 'đến hạn',
  withdrawn: 'rút, trả lại',
  province: 'cấp tỉnh',
  district: 'cấp huyện',
  commune: 'cấp xã',
  published: 'công bố mới',
  amended: 'sửa đổi, bổ sung',
  abolished: 'bãi bỏ, thay thế',
  oneStop: 'một cửa',
  onlineService: 'dịch vụ công trực tuyến',
  internalProcedure: 'quy trình nội bộ',
  assigned: 'được giao',
  present: 'có mặt',
  short: 'còn thiếu',
  htxs: 'hoàn thành xuất sắc nhiệm vụ',
  htt: 'hoàn thành tốt nhiệm vụ',
  ht: 'hoàn thành nhiệm vụ',
  kht: 'không hoàn thành nhiệm vụ',
  rated: 'được đánh giá',
  notRated: 'không đánh giá',
  satisfied: 'hài lòng',
  comprehensive: 'hài lòng toàn diện',
  expectation: 'so với mong đợi',
  returning: 'quay lại',
};

/** Vietnamese name of each family's noun, for messages. */
export const FAMILY_NOUN: Readonly<Record<Family, string>> = {
  hoso: 'hồ sơ',
  tthc: 'TTHC',
  don: 'đơn',
  nguoi: 'người',
  phieu: 'phiếu',
  donvi: 'đơn vị',
  dvc: 'dịch vụ công',
  vanban: 'văn bản',
  tin: 'tin, bài',
  other: '',
};

/** Hedges before a figure, as inequalities: "trên 94%" is > 94. Whole words only: "nông thôn 991" has no "hơn". */
export type Hedge = 'gt' | 'ge' | 'lt' | 'le' | 'near' | 'approx';
export const HEDGE_PHRASES: readonly [RegExp, Hedge][] = [
  // Longer phrases first: "không ít hơn" is ≥ and "ít hơn" is <, though both end in "hơn".
  [/(?<![a-z])(?:it nhat|toi thieu|khong duoi|khong it hon)\s*$/, 'ge'],
  [/(?<![a-z])(?:duoi|chua den|chua toi|it hon)\s*$/, 'lt'],
  [/(?<![a-z])(?:toi da|khong qua|khong vuot qua|khong nhieu hon|khong hon)\s*$/, 'le'],
  [/(?<![a-z])(?:nhieu hon|tren|hon|vuot)\s*$/, 'gt'],
  [/(?<![a-z])(?:gan nhu|gan)\s*$/, 'near'],
  [/(?<![a-z])(?:khoang|xap xi|chung|uoc|uoc tinh|uoc dat)\s*$/, 'approx'],
];
export const HEDGE_WORD: Readonly<Record<Hedge, string>> = { gt: 'trên', ge: 'ít nhất', lt: 'dưới', le: 'tối đa', near: 'gần', approx: 'khoảng' };

/** Breakdown markers; "cụ thể" only as a marker ("…, cụ thể:", "cụ thể như sau"), never as an adjective ("nhiệm vụ cụ thể"). */
export const MARKERS = ['trong do', 'bao gom', 'gom', 'cu the'] as const;
export type Marker = 'trong đó' | 'gồm' | 'cụ thể' | 'ghi chú' | 'ngoặc';
