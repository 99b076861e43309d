/**
 * The business modules, in the order their setups run. A new module adds one line here (and its
 * web side one line in web/src/app/module-list.ts); nothing registers itself by being imported.
 */
import type { ModuleDefinition } from './modules/define-module.ts';
import { casesModule } from './modules/cases/cases.module.ts';

// Not yet reshaped into server/modules/ (they still register at import time):
import './projects/module.ts';
import './customers/module.ts';
import './intake/module.ts';
import './activities/module.ts';

export const MODULES: readonly ModuleDefinition[] = [casesModule];
