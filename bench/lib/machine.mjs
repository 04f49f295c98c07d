// Where and when the figures were measured: they only mean something next to the machine they came from.
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export function machine() {
  const cpuList = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cores: availableParallelism(),
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    // Other work on the machine while measuring: the 1-minute load average (2.0 keeps both of 2 cores busy).
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
  };
}
