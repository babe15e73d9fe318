// A small builder for Mermaid gantt charts. Task ids are generated (`t0`,
// `t1`, ...) and every name is escaped, because gantt names cannot be quoted.
import { ganttText } from "../escape.js";
import { shortenLabel } from "./label.js";

export type TaskTag = "done" | "active" | "crit" | "milestone";

interface Section {
  title: string;
  lines: string[];
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

export class Gantt {
  private nextId = 0;
  private readonly sections: Section[] = [];

  constructor(private readonly title: string) {}

  section(title: string): void {
    this.sections.push({ title, lines: [] });
  }

  /** Adds a bar from `start` to `end`; a bar that would end on or before its start lasts one day. */
  task(name: string, start: Date, end: Date, tags: TaskTag[] = []): void {
    const last = end.getTime() > start.getTime() ? end : new Date(start.getTime() + DAY_MS);
    this.add(name, [...tags, `t${this.nextId++}`, isoDay(start), isoDay(last)]);
  }

  milestone(name: string, at: Date, tags: TaskTag[] = []): void {
    this.add(name, ["milestone", ...tags, `t${this.nextId++}`, isoDay(at), "0d"]);
  }

  private add(name: string, fields: string[]): void {
    if (this.sections.length === 0) this.section("");
    this.sections.at(-1)!.lines.push(`${ganttText(shortenLabel(name))} :${fields.join(", ")}`);
  }

  get rowCount(): number {
    return this.nextId;
  }

  toString(): string {
    // The today marker would draw the wall-clock date; the chart marks its as-of date instead.
    const lines = ["gantt", `  title ${ganttText(this.title)}`, "  dateFormat YYYY-MM-DD", "  axisFormat %Y-%m", "  todayMarker off"];
    for (const section of this.sections) {
      lines.push(`  section ${ganttText(shortenLabel(section.title)) || "(unnamed)"}`);
      for (const line of section.lines) lines.push(`    ${line}`);
    }
    return `${lines.join("\n")}\n`;
  }
}
