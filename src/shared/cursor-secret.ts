/** The secret development and tests seal cursors with; production sets CURSOR_SECRET (src/config/env.ts). */
export const DEV_CURSOR_SECRET = 'passerelle-development-cursor-secret-do-not-use-in-production';
