import { AnyMachineSnapshot, AnyStateMachine, SnapshotFrom } from 'xstate';

/** What is stored per case or action (jsonb): the machine version and the state with its context. */
export interface StoredSnapshot<C = object> {
  machineVersion: number;
  value: string;
  context: C;
}

/** Upgrades a stored snapshot one machine version at a time. Add an entry whenever a machine changes shape. */
export type SnapshotMigrations = Record<number, (s: StoredSnapshot) => StoredSnapshot>;

/** The states a machine ends in (`type: 'final'`): a record there is closed for good. */
export function finalStates(machine: AnyStateMachine): string[] {
  return Object.values(machine.root.states)
    .filter((s) => s.type === 'final')
    .map((s) => s.key);
}

/**
 * The states in which the machine takes an event of this type (has a transition for it that moves or changes
 * something; whether the guards let a given event through is `decide`'s or the snapshot's `can`).
 */
export function statesTaking(machine: AnyStateMachine, eventType: string): string[] {
  return Object.values(machine.root.states)
    .filter((s) => s.ownEvents.includes(eventType))
    .map((s) => s.key);
}

/** The persisted form of a snapshot. */
export function store(machineVersion: number, snapshot: AnyMachineSnapshot): StoredSnapshot {
  return { machineVersion, value: String(snapshot.value), context: snapshot.context as object };
}

/** Restores a stored snapshot into the current machine, migrating it from older machine versions first. */
export function restore<M extends AnyStateMachine>(
  machine: M,
  currentVersion: number,
  stored: StoredSnapshot,
  migrations: SnapshotMigrations = {},
): SnapshotFrom<M> {
  let s = stored;
  while (s.machineVersion < currentVersion) {
    const migrate = migrations[s.machineVersion];
    if (!migrate) throw new Error(`No migration of ${machine.id} snapshots from version ${s.machineVersion}`);
    s = migrate(s);
  }
  if (s.machineVersion > currentVersion) throw new Error(`${machine.id} snapshot version ${s.machineVersion} is newer than the machine (${currentVersion})`);
  return machine.resolveState({ value: s.value, context: s.context }) as SnapshotFrom<M>;
}
