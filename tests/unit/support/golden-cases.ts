import golden from '../../fixtures/golden.json';
import invalid from '../../fixtures/invalid-panels.json';
import type {
  AnalyteId,
  FhirInterpretationCode,
  FieldPath,
  Status,
  WarningCode,
} from '@/lib/types';

/** A golden panel with the statuses every surface must show for it. */
export interface GoldenCase {
  readonly id: string;
  readonly description: string;
  readonly panel: Record<string, unknown> & { readonly patient?: { readonly name?: string } };
  readonly expected: ReadonlyArray<{
    readonly analyte: AnalyteId;
    readonly status: Status;
    readonly critical: boolean;
    readonly fhir: FhirInterpretationCode;
    readonly warnings?: readonly WarningCode[];
  }>;
}

/** An invalid panel with the errors it must produce. */
export interface InvalidCase {
  readonly id: string;
  readonly panel: unknown;
  /** Each error's path as the API prints it, and as `interpret()` returns it (segments). */
  readonly errors: ReadonlyArray<{
    readonly path: string;
    readonly segments: FieldPath;
    readonly code: string;
  }>;
}

export const GOLDEN_CASES = golden as unknown as readonly GoldenCase[];
export const INVALID_CASES = invalid as unknown as readonly InvalidCase[];
