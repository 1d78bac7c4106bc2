import { MOVE_STEP_LABELS, type PlannedStep } from '../logic/move-plan.js';

/** The move's steps before it runs: what each will do, or why it is skipped. */
export function MovePlanList({ steps }: { steps: readonly PlannedStep[] }) {
  return (
    <ol className="step-list move-plan" data-testid="move-plan">
      {steps.map((step) => (
        <li
          key={step.step}
          className={step.runs ? 'step' : 'step step-skipped'}
          data-testid="move-plan-step"
          data-step={step.step}
          data-runs={step.runs}
        >
          <strong>{MOVE_STEP_LABELS[step.step]}</strong> — {step.sentence}
        </li>
      ))}
    </ol>
  );
}
