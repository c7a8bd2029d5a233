// CPU time of processes, read from /proc (Linux): what a benchmark's server and its PostgreSQL spent per
// operation, a figure that a busy machine changes less than the wall-clock rate.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const clockTicks = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (ms) a process has used, with that of its children waited for; undefined without /proc. */
export function cpuOf(pid: number): { ms: number; ppid: number } | undefined {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0); // utime stime cutime cstime
    return { ms: (ticks * 1000) / clockTicks, ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/** CPU time (ms) of a PostgreSQL server: the postmaster, its processes (backends, WAL writer…) and those gone. */
export function postgresCpu(dataDir: string): number | undefined {
  try {
    const postmaster = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    let ms = cpuOf(postmaster)?.ms;
    if (ms === undefined) return undefined;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const child = cpuOf(Number(entry));
      if (child?.ppid === postmaster) ms += child.ms;
    }
    return ms;
  } catch {
    return undefined;
  }
}
