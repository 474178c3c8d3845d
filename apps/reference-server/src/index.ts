/**
 * `@tessera/reference-server` — the self-hosted Tessera server as a library: build the
 * Hono app around your own Tessera instance, or run the `tessera` CLI.
 * @module
 */

export { type CliProcess, runCli } from "./cli/cli-runner";
export { type ComposedGateways, composeGateways } from "./composition/compose-gateways";
export { type ComposedNotifier, composeNotifier } from "./composition/compose-notifier";
export { type ComposeOverrides, composeServer, type ServerParts } from "./composition/compose-server";
export { type EnvironmentVariable, environmentVariables } from "./config/environment-variables";
export { type LoadConfigOptions, loadConfig } from "./config/load-config";
export type { DatabaseConfig, LogLevel, MailConfig, ServerConfig } from "./config/server-config";
export { type DemoSeedResult, demoUnitSlug, seedDemo } from "./demo/demo-seed";
export type { AppEnv } from "./http/app-env";
export { type AppOptions, createApp } from "./http/create-app";
export { type ErrorResponse, errorMessageKeys, errorResponseFor } from "./http/error-responses";
export { supportedLocales } from "./i18n/catalogs";
export { type LocaleHints, negotiateLocale } from "./i18n/negotiate-locale";
export { createLogger, type LogFields, type Logger, type LoggerOptions } from "./logging/logger";
export {
  createDevMailbox,
  type DevMailbox,
  type DevMailboxOptions,
  type MailboxMessage,
} from "./notifications/dev-mailbox";
export {
  type ReminderNotificationsOptions,
  reminderNotificationsPlugin,
} from "./notifications/reminder-notifications-plugin";
export {
  type SaleNotificationsOptions,
  saleNotificationsPlugin,
} from "./notifications/sale-notifications-plugin";
export {
  createSmtpNotifier,
  type SmtpNotifier,
  type SmtpNotifierOptions,
} from "./notifications/smtp-notifier";
export {
  createScheduler,
  type Scheduler,
  type SchedulerPass,
  type SchedulerTimers,
} from "./scheduler/scheduler";
export type { SchedulerTask } from "./scheduler/scheduler-task";
export { schedulerTasks } from "./scheduler/scheduler-tasks";
export { openStorage } from "./storage/open-storage";
