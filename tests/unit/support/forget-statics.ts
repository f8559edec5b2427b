// Setup file of vitest.mutation.config.ts: every test builds the result parts it checks.
import { beforeEach } from 'vitest';
import { forgetConvertedValues } from '@/lib/interpret/converted-values';
import { forgetResultStatics } from '@/lib/interpret/result-statics';

beforeEach(() => {
  forgetResultStatics();
  forgetConvertedValues();
});
