import { describe, expect, it } from 'vitest';
import { LossLog } from './loss-log.ts';

/** A hand-driven animation frame. */
function frames() {
  const queued: Array<() => void> = [];
  return { schedule: (f: () => void) => void queued.push(f), run: () => queued.splice(0).forEach((f) => f()), queued };
}

describe('LossLog', () => {
  it('shows the epochs that arrived within a frame together, with one notification', () => {
    const frame = frames();
    const log = new LossLog(frame.schedule);
    let notified = 0;
    log.subscribe(() => notified++);
    log.push(0.5);
    log.push(0.4);
    log.push(0.3);
    expect(log.snapshot()).toEqual([]);
    expect(frame.queued).toHaveLength(1);
    frame.run();
    expect(log.snapshot()).toEqual([0.5, 0.4, 0.3]);
    expect(notified).toBe(1);
    log.push(0.2);
    frame.run();
    expect(log.snapshot()).toEqual([0.5, 0.4, 0.3, 0.2]);
    expect(notified).toBe(2);
  });

  it('keeps the same snapshot while nothing changes, and flush shows the last epoch at once', () => {
    const frame = frames();
    const log = new LossLog(frame.schedule);
    const before = log.snapshot();
    frame.run();
    expect(log.snapshot()).toBe(before);
    log.push(0.1);
    log.flush();
    expect(log.snapshot()).toEqual([0.1]);
    const after = log.snapshot();
    frame.run(); // the frame scheduled before the flush finds nothing new
    expect(log.snapshot()).toBe(after);
  });

  it('stops notifying a listener that unsubscribed', () => {
    const frame = frames();
    const log = new LossLog(frame.schedule);
    let notified = 0;
    const stop = log.subscribe(() => notified++);
    stop();
    log.push(1);
    frame.run();
    expect(notified).toBe(0);
  });

  it('starts over when the run restarts: earlier epochs are dropped, shown or not', () => {
    const frame = frames();
    const log = new LossLog(frame.schedule);
    let notified = 0;
    log.subscribe(() => notified++);
    log.push(0.5);
    frame.run();
    log.push(0.4);
    expect(log.count).toBe(2);
    log.restart();
    expect(log.snapshot()).toEqual([]);
    expect(log.count).toBe(0);
    expect(notified).toBe(2);
    log.push(0.6);
    frame.run();
    expect(log.snapshot()).toEqual([0.6]);
  });
});
