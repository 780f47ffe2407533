/** @jsx h */
/** @jsxFrag Fragment */
/** A unit head's page: the unit's figures in the four buckets and its open tasks, as of today. */
import type { ExtensionRequest } from '../../db/extension-request-repository.js';
import type { LatestNote } from '../../db/note-repository.js';
import { formatDate, type IsoDate } from '../../domain/dates.js';
import type { Bucket } from '../../domain/status.js';
import type { TaskView } from '../../domain/task.js';
import { BUCKET_LABELS } from '../../report/labels.js';
import { Fragment, h, type Html } from '../jsx.js';
import { TaskItem } from './tasks.js';

void Fragment;

export interface UnitPageData {
  unitName: string;
  today: IsoDate;
  counts: Record<Bucket, number>;
  overdue: TaskView[];
  inTerm: TaskView[];
  undated: TaskView[];
  notes: Map<number, LatestNote>;
  pending: Map<number, ExtensionRequest>;
  /** At most this many tasks of a list are shown. */
  cap: number;
}

export function Counts(props: { counts: Record<Bucket, number> }): Html {
  const c = props.counts;
  const item = (bucket: Bucket, cls: string) => (
    <li class={cls || undefined}>
      <span class="n">{c[bucket]}</span>
      {BUCKET_LABELS[bucket].vi}
    </li>
  );
  return (
    <ul class="counts" aria-label="Số liệu theo bốn nhóm">
      {item('done_on_time', 'ok')}
      {item('done_late', '')}
      {item('open_in_term', '')}
      {item('open_overdue', 'late')}
    </ul>
  );
}

function List(props: { id: string; title: string; views: TaskView[]; data: UnitPageData; empty: string }): Html {
  const { views, data } = props;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>
        {props.title} ({views.length})
      </h2>
      {views.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul class="tasks">
          {views.slice(0, data.cap).map((v) => (
            <TaskItem view={v} today={data.today} note={data.notes.get(v.id)} pending={data.pending.get(v.id)} />
          ))}
        </ul>
      )}
      {views.length > data.cap && (
        <p>
          … và {views.length - data.cap} nhiệm vụ khác. <a href={`/don-vi?tat-ca=1#${props.id}`}>Xem tất cả</a>
        </p>
      )}
    </section>
  );
}

export function UnitPage(props: { data: UnitPageData }): Html {
  const d = props.data;
  const c = d.counts;
  return (
    <>
      <h1>
        Nhiệm vụ của {d.unitName}, tính đến ngày {formatDate(d.today)}
      </h1>
      <Counts counts={c} />
      <p class="meta">
        Ngoài ra: {c.ongoing} nhiệm vụ thường xuyên, {c.undated} chưa xác định hạn, {c.cancelled} dừng thực hiện.
      </p>
      <List id="qua-han" title="Quá hạn, chưa hoàn thành" views={d.overdue} data={d} empty="Không có nhiệm vụ quá hạn." />
      <List id="trong-han" title="Đang thực hiện trong hạn" views={d.inTerm} data={d} empty="Không có nhiệm vụ đang thực hiện." />
      {d.undated.length > 0 && <List id="chua-han" title="Chưa xác định hạn" views={d.undated} data={d} empty="" />}
    </>
  );
}
