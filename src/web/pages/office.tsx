/** @jsx h */
/** @jsxFrag Fragment */
/** The office's page: the daily view, the extension requests waiting, the documents for the giao ban. */
import type { DueLine } from '../../app/due-view.js';
import type { ExtensionRequest } from '../../db/extension-request-repository.js';
import { formatDate, type IsoDate } from '../../domain/dates.js';
import type { Bucket } from '../../domain/status.js';
import { Fragment, h, type Html } from '../jsx.js';
import { SettleForms, classOf, stateOf } from './tasks.js';
import { Counts } from './unit.js';

void Fragment;

export interface OfficePageData {
  today: IsoDate;
  counts: Record<Bucket, number>;
  lines: DueLine[];
  requests: { request: ExtensionRequest; text: string; unit: string }[];
  month: string;
  cap: number;
  /** Office: may settle requests. A viewer only reads. */
  settle: boolean;
}

const SECTIONS: { key: DueLine['section']; title: string }[] = [
  { key: 'overdue', title: 'Quá hạn' },
  { key: 'due_soon', title: 'Sắp đến hạn (7 ngày)' },
  { key: 'unsettled', title: 'Cần xác định hạn hoặc đơn vị chủ trì' },
];

export function OfficePage(props: { data: OfficePageData; csrf: string }): Html {
  const d = props.data;
  return (
    <>
      <h1>Việc hằng ngày, tính đến ngày {formatDate(d.today)}</h1>
      <Counts counts={d.counts} />
      <section aria-labelledby="de-nghi">
        <h2 id="de-nghi">Đề nghị gia hạn chờ duyệt ({d.requests.length})</h2>
        {d.requests.length === 0 ? (
          <p>Không có đề nghị nào đang chờ.</p>
        ) : (
          <table class="wide requests">
            <thead>
              <tr>
                <th scope="col">Nhiệm vụ</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Hạn mới</th>
                <th scope="col">Lý do</th>
                {d.settle && <th scope="col">Quyết định</th>}
              </tr>
            </thead>
            <tbody>
              {d.requests.map((r) => (
                <tr>
                  <td>
                    <a href={`/nhiem-vu/${r.request.taskId}`}>
                      #{r.request.taskId} {r.text}
                    </a>
                  </td>
                  <td>{r.unit}</td>
                  <td>
                    {formatDate(r.request.from)} → {formatDate(r.request.to)}
                  </td>
                  <td>
                    {r.request.reason} <span class="meta">({r.request.requestedBy}, {formatDate(r.request.requestedOn)})</span>
                  </td>
                  {d.settle && (
                    <td>
                      <SettleForms csrf={props.csrf} taskId={r.request.taskId} back="/van-phong" />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="tai-ve">
        <h2 id="tai-ve">Tải về cho họp giao ban</h2>
        <form method="get" action="/tai-ve" class="stack box">
          <label for="thang">Tháng báo cáo</label>
          <input type="text" id="thang" name="thang" value={d.month} pattern="[0-9]{4}-[0-9]{2}" inputmode="numeric" required />
          <label for="loai">Văn bản</label>
          <select id="loai" name="loai">
            <option value="giao-ban.docx">Báo cáo giao ban tháng (DOCX)</option>
            <option value="giao-ban.xlsx">Báo cáo giao ban tháng (XLSX)</option>
            <option value="qua-han.docx">Danh sách nhiệm vụ quá hạn (DOCX)</option>
            <option value="qua-han.xlsx">Danh sách nhiệm vụ quá hạn (XLSX)</option>
          </select>
          <button type="submit">Tải về</button>
        </form>
      </section>
      {SECTIONS.map((s) => {
        const lines = d.lines.filter((l) => l.section === s.key);
        return (
          <section aria-labelledby={`muc-${s.key}`}>
            <h2 id={`muc-${s.key}`}>
              {s.title} ({lines.length})
            </h2>
            {lines.length === 0 ? (
              <p>Không có.</p>
            ) : (
              <ul class="tasks">
                {lines.slice(0, d.cap).map((l) => (
                  <li class={classOf(l.bucket, l.due, d.today)}>
                    <a class="text" href={`/nhiem-vu/${l.id}`}>
                      #{l.id} {l.text}
                    </a>
                    <p class="meta">
                      <span class="state">{stateOf({ ...l, completedOn: null }, d.today)}</span> · {l.lead ? l.lead.name : (l.ownerText ?? 'chưa có đơn vị chủ trì')} · Hạn{' '}
                      {l.due ? formatDate(l.due) : 'chưa xác định'}
                      {l.source?.number ? ` · Văn bản: ${l.source.number}` : ''}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {lines.length > d.cap && <p>… và {lines.length - d.cap} nhiệm vụ khác (xem đủ bằng lệnh tasks due).</p>}
          </section>
        );
      })}
    </>
  );
}
