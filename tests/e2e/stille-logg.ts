// Imported first by fixtures.ts: the app's logger reads LOG_LEVEL when it loads, and the factory's
// use cases log every sign-in. In a test worker only warnings and errors are of interest, as in
// the app processes (playwright.config.ts sets LOG_LEVEL=warn for them).
process.env.LOG_LEVEL ??= "warn";
