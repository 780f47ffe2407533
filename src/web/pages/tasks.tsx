/** @jsx h */
/** @jsxFrag Fragment */
/** A task as a line of a list, and as a page of its own with its forms. */
import type { TaskDetail } from '../../app/show-task.js';
import type { ExtensionRequest } from '../../db/extension-request-repository.js';
import type { LatestNote } from '../../db/note-repository.js';
import { addDays, daysBetween, formatDate, type IsoDate } from '../../domain/dates.js';
import type { Bucket } from '../../domain/status.js';
import type { TaskView } from '../../domain/task.js';
import { BUCKET_LABELS } from '../../report/labels.js';
import { Fragment, h, type Html } from '../jsx.js';
import { CsrfField } from './layout.js';

void Fragment;

export function stateOf(view: Pick<TaskView, 'bucket' | 'due' | 'daysLate' | 'completedOn'>, today: IsoDate): string {
  if (view.bucket === 'open_overdue') return `Quá hạn ${view.daysLate} ngày`;
  if (view.bucket === 'open_in_term') {
    const left = daysBetween(today, view.due!);
    return left === 0 ? 'Đến hạn hôm nay' : `Còn ${left} ngày`;
  }
  if (view.bucket === 'done_late') return `Hoàn thành quá hạn ${view.daysLate ?? ''} ngày`.replace('  ', ' ');
  return BUCKET_LABELS[view.bucket].vi;
}

export function classOf(bucket: Bucket, due: IsoDate | null, today: IsoDate): string {
  if (bucket === 'open_overdue') return 'late';
  if (bucket === 'open_in_term') return due !== null && daysBetween(today, due) <= 3 ? 'soon' : 'term';
  return '';
}

function sourceText(view: Pick<TaskView, 'source'>): string {
  const s = view.source;
  if (!s?.number) return 'Không ghi văn bản';
  return s.issuedOn ? `${s.kind ? `${s.kind} ` : ''}${s.number} ngày ${formatDate(s.issuedOn)}` : s.number;
}

export function TaskItem(props: { view: TaskView; today: IsoDate; note: LatestNote | undefined; pending: ExtensionRequest | undefined }): Html {
  const v = props.view;
  return (
    <li class={classOf(v.bucket, v.due, props.today) || undefined}>
      <a class="text" href={`/nhiem-vu/${v.id}`}>
        #{v.id} {v.text}
      </a>
      <p class="meta">
        <span class="state">{stateOf(v, props.today)}</span> · Hạn {v.due ? formatDate(v.due) : 'chưa xác định'}
        {v.extensions.length > 0 && ` (đã gia hạn ${v.extensions.length} lần, hạn đầu ${formatDate(v.originalDue)})`} · Văn bản: {sourceText(v)}
      </p>
      {props.pending && <p class="note">Đang chờ văn phòng duyệt gia hạn đến {formatDate(props.pending.to)}.</p>}
      <p class="note">Tiến độ gần nhất: {props.note ? `${formatDate(props.note.on)}: ${props.note.note}` : 'chưa có báo cáo tiến độ'}</p>
    </li>
  );
}

export interface TaskPageRights {
  /** Progress, completion, extension request: the lead unit's head or the office. */
  act: boolean;
  /** Approve or refuse a pending extension request. */
  settle: boolean;
}

export function TaskPage(props: { detail: TaskDetail; today: IsoDate; csrf: string; rights: TaskPageRights }): Html {
  const d = props.detail;
  const open = d.bucket === 'open_in_term' || d.bucket === 'open_overdue' || d.bucket === 'undated' || d.bucket === 'ongoing';
  return (
    <>
      <h1>
        Nhiệm vụ #{d.id}: {d.text}
      </h1>
      <div class="box">
        <dl class="facts">
          <dt>Tình trạng</dt>
          <dd>
            <strong>{stateOf(d, props.today)}</strong>
          </dd>
          <dt>Văn bản giao</dt>
          <dd>{sourceText(d)}</dd>
          <dt>Chủ trì</dt>
          <dd>{d.lead ? d.lead.name : (d.ownerText ?? 'chưa xác định')}</dd>
          {d.coordinating.length > 0 && <dt>Phối hợp</dt>}
          {d.coordinating.length > 0 && <dd>{d.coordinating.map((u) => u.name).join('; ')}</dd>}
          <dt>Ngày giao</dt>
          <dd>{formatDate(d.assignedOn)}</dd>
          <dt>Hạn xử lý</dt>
          <dd>{d.ongoing ? 'Thường xuyên' : d.due ? formatDate(d.due) : 'chưa xác định'}</dd>
          {d.extensions.length > 0 && <dt>Gia hạn</dt>}
          {d.extensions.length > 0 && (
            <dd>
              <ul>
                {d.extensions.map((e) => (
                  <li>
                    {formatDate(e.from)} → {formatDate(e.to)}: {e.reason} (ngày {formatDate(e.grantedOn)})
                  </li>
                ))}
              </ul>
            </dd>
          )}
          {d.completedOn && <dt>Hoàn thành</dt>}
          {d.completedOn && (
            <dd>
              {formatDate(d.completedOn)}
              {d.evidence ? `, văn bản báo cáo ${d.evidence}` : ''}
              {d.completionNote ? ` (${d.completionNote})` : ''}
            </dd>
          )}
          {d.cancelledOn && <dt>Dừng thực hiện</dt>}
          {d.cancelledOn && (
            <dd>
              {formatDate(d.cancelledOn)}: {d.cancelReason ?? ''}
            </dd>
          )}
        </dl>
      </div>
      <h2>Báo cáo tiến độ</h2>
      {d.progress.length === 0 ? (
        <p>Chưa có báo cáo tiến độ.</p>
      ) : (
        <ul>
          {d.progress.map((n) => (
            <li>
              {formatDate(n.on)}: {n.note}
            </li>
          ))}
        </ul>
      )}
      {d.pendingExtension && (
        <div class="box">
          <p>
            Đề nghị gia hạn đến <strong>{formatDate(d.pendingExtension.to)}</strong> ngày {formatDate(d.pendingExtension.requestedOn)}: {d.pendingExtension.reason}. Đang chờ văn phòng duyệt.
          </p>
          {props.rights.settle && <SettleForms csrf={props.csrf} taskId={d.id} back={`/nhiem-vu/${d.id}`} />}
        </div>
      )}
      {props.rights.act && open && (
        <div class="grid2">
          <form method="post" action={`/nhiem-vu/${d.id}/hoan-thanh`} enctype="multipart/form-data" class="stack box">
            <h2>Báo cáo hoàn thành</h2>
            <CsrfField csrf={props.csrf} />
            <label for="on">Ngày hoàn thành</label>
            <input type="date" id="on" name="on" required value={props.today} max={props.today} />
            <label for="evidence">
              Số văn bản báo cáo kết quả <span class="hint">ví dụ 123/BC-VP</span>
            </label>
            <input type="text" id="evidence" name="evidence" required maxlength="100" />
            <label for="file">
              Tệp văn bản báo cáo (không bắt buộc) <span class="hint">PDF hoặc DOCX, tối đa 20 MB</span>
            </label>
            <input type="file" id="file" name="file" accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" />
            <label for="note">Ghi chú (không bắt buộc)</label>
            <input type="text" id="note" name="note" maxlength="500" />
            <button type="submit">Đánh dấu hoàn thành</button>
          </form>
          <div>
            <form method="post" action={`/nhiem-vu/${d.id}/tien-do`} class="stack box">
              <h2>Ghi tiến độ</h2>
              <CsrfField csrf={props.csrf} />
              <label for="progress">Nội dung báo cáo tiến độ</label>
              <textarea id="progress" name="note" required maxlength="2000"></textarea>
              <button type="submit">Ghi tiến độ</button>
            </form>
            {!d.pendingExtension && !d.ongoing && d.due && (
              <form method="post" action={`/nhiem-vu/${d.id}/gia-han`} class="stack box">
                <h2>Đề nghị gia hạn</h2>
                <CsrfField csrf={props.csrf} />
                <label for="to">Hạn mới đề nghị</label>
                <input type="date" id="to" name="to" required min={addDays(d.due > props.today ? d.due : props.today, 1)} />
                <label for="reason">Lý do</label>
                <textarea id="reason" name="reason" required maxlength="1000"></textarea>
                <button type="submit">Gửi đề nghị gia hạn</button>
              </form>
            )}
          </div>
        </div>
      )}
    </>
  );
}

export function SettleForms(props: { csrf: string; taskId: number; back: string }): Html {
  return (
    <>
      <form method="post" action={`/nhiem-vu/${props.taskId}/duyet`}>
        <CsrfField csrf={props.csrf} />
        <input type="hidden" name="quyet_dinh" value="dong-y" />
        <input type="hidden" name="ve" value={props.back} />
        <button type="submit">Duyệt gia hạn #{props.taskId}</button>
      </form>
      <form method="post" action={`/nhiem-vu/${props.taskId}/duyet`}>
        <CsrfField csrf={props.csrf} />
        <input type="hidden" name="quyet_dinh" value="khong-duyet" />
        <input type="hidden" name="ve" value={props.back} />
        <label for={`ly-do-${props.taskId}`}>Lý do không duyệt</label> <input type="text" id={`ly-do-${props.taskId}`} name="ly_do" maxlength="500" />
        <button type="submit" class="danger">
          Không duyệt
        </button>
      </form>
    </>
  );
}
