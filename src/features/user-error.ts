/** Why a request cannot be served, in a form the renderers turn into a short message for the user. */
export type UserErrorCode =
  | 'empty_query'
  | 'query_too_long'
  | 'no_searchable_words'
  | 'unknown_file'
  | 'line_out_of_range'
  | 'bad_option'
  | 'not_in_server'
  | 'not_manager'
  | 'bad_time'
  | 'bad_timezone'
  | 'channel_not_postable'
  | 'digest_not_set'
  | 'unknown_speaker'
  | 'bad_date'
  | 'bad_date_range'
  | 'unknown_command';

/**
 * A problem with what the user asked, not a bug: shown to them (ephemerally in Discord), never logged
 * as an error. `details` carries values the message needs (the limit, the known files, …).
 */
export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    readonly details: Readonly<Record<string, string | number>> = {},
  ) {
    super(code);
    this.name = 'UserError';
  }
}
