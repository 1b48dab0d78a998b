import { Engine, type RuleProperties } from 'json-rules-engine';
import type { LoadedRule } from './load-rules.js';
import { customOperators } from './operators/index.js';
import { resolvePath } from './path.js';

/** What json-rules-engine said about one rule on one target. */
export interface RuleRun {
  fired: boolean;
  /** Index of the first case whose `when` held; -1 when none (or no cases). */
  caseIndex: number;
  /** The event params, with fact references resolved by the engine. */
  params: Record<string, unknown>;
}

const FIRE = 'fire';

/** A json-rules-engine Engine holding one rule (and one engine rule per case), custom operators registered. */
function buildEngine(loaded: LoadedRule): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: false,
    // Plain property lookups instead of jsonpath-plus: a rule file is data and must not run code.
    pathResolver: resolvePath as (value: object, path: string) => unknown,
    // Event params hold { fact, path } references; the engine resolves them when the rule fires.
    replaceFactsInEventParams: true,
  });
  for (const op of customOperators) engine.addOperator(op.name, op.evaluate);
  const main: RuleProperties = {
    name: loaded.rule.id,
    conditions: loaded.conditions as RuleProperties['conditions'],
    event: Object.keys(loaded.params).length > 0 ? { type: FIRE, params: { ...loaded.params } } : { type: FIRE },
  };
  engine.addRule(main);
  loaded.cases.forEach((c, i) => {
    engine.addRule({ name: `${loaded.rule.id}#case${i}`, conditions: c.when as RuleProperties['conditions'], event: { type: `case:${i}` } });
  });
  return engine;
}

/**
 * The json-rules-engine side of one rule. An Engine keeps its run status on the instance
 * (`engine.status`), and a run that finishes sets it to FINISHED, which makes a concurrent
 * run of the same Engine skip its rules. So concurrent claims must not share an Engine: each
 * run takes an idle Engine from a small pool (building one when none is idle) and returns it.
 */
export class RuleEngine {
  readonly #loaded: LoadedRule;
  readonly #idle: Engine[] = [];

  constructor(loaded: LoadedRule) {
    this.#loaded = loaded;
    this.#idle.push(buildEngine(loaded));
  }

  async run(facts: Record<string, unknown>): Promise<RuleRun> {
    const engine = this.#idle.pop() ?? buildEngine(this.#loaded);
    try {
      const { events } = await engine.run(facts);
      let fired = false;
      let caseIndex = -1;
      let params: Record<string, unknown> = {};
      for (const e of events) {
        if (e.type === FIRE) {
          fired = true;
          params = (e.params ?? {}) as Record<string, unknown>;
        } else if (e.type.startsWith('case:')) {
          const i = Number(e.type.slice(5));
          if (caseIndex === -1 || i < caseIndex) caseIndex = i;
        }
      }
      return { fired, caseIndex, params };
    } finally {
      this.#idle.push(engine);
    }
  }
}
