/**
 * Sentences of the body that are not instructions, and the instruction inside a sentence that
 * opens with who gives it ("Chủ tịch Ủy ban nhân dân tỉnh giao Sở X …", "Trên cơ sở đó, Bộ Nội
 * vụ đề nghị các bộ …"): the owner is whom the verb names, never the authority that speaks.
 */
import { foldSameLength } from '../normalize.js';

/** Headings of parts that assess or explain rather than assign ("I. Đánh giá chung", "Mục tiêu"). */
const ASSESSMENT =
  /^(?:(?:[ivx]{1,4}|\d{1,2})[.)]\s*)?(?:danh gia(?: chung| tinh hinh| ket qua)?|ket qua(?: dat duoc| thuc hien)?|tinh hinh|uu diem|ton tai|han che|nhan xet|boi canh|muc (?:dich|tieu)(?: tong quat| cu the)?|chi tieu(?: cu the)?|kinh phi(?: thuc hien)?|quan diem|su can thiet|can cu|nhung (?:ket qua|ton tai|han che|mat lam duoc)|ve ket qua|thanh phan|thoi gian|dia diem|hinh thuc)(?:[\s,]+(?:yeu cau|han che|nguyen nhan|chung|dat duoc|va [\p{L}\s]{0,30}))*\s*:?\s*$/u;

export function isAssessmentHeading(text: string): boolean {
  const folded = foldSameLength(text.trim()).replace(/\s+/g, ' ');
  return folded.length < 120 && ASSESSMENT.test(folded);
}

const AUTHORITY = String.raw`(?:chu tich|pho chu tich|giam doc|pho giam doc|lanh dao|bo truong|thu truong|thu tuong|pho thu tuong|ubnd|uy ban nhan dan|tinh uy|ban thuong vu|thuong truc|dong chi|chanh van phong|van phong|truong ban|bo|so|cuc|ban chi dao)`;
const COMMAND = String.raw`(?:giao(?!\s+ban\b)(?:\s+cho)?|tran trong de nghi|de nghi|yeu cau|chi dao|phan cong)`;
/** "<clause>, <authority> … <command> <rest>": the rest, from the command on. */
const SPOKEN = new RegExp(String.raw`(?:^|[,;.]\s+)(?:${AUTHORITY})(?:\s+[\p{L}\p{N}&.]+){0,10}?\s+(?<!\sda\s)(${COMMAND})\s+(?=\S)`, 'u');

/** The part of an item an owner is read from: after the authority that gives the instruction. */
export function assignmentOf(text: string): string {
  const folded = foldSameLength(text);
  const m = SPOKEN.exec(folded);
  if (!m) return text;
  const at = m.index + m[0].length - m[1].length - 1;
  return text.slice(at).trim();
}
