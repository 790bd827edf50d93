/** The only way application code learns the time, so that tests can set it. */
export interface Clock {
  now(): Date;
}
