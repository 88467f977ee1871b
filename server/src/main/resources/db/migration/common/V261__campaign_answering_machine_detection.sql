-- Progressive, predictive and autocall campaigns may listen to who answers and hang up on answering machines
-- (null for the dial types it does not apply to, as every setting of some types only).
alter table campaign add column answering_machine_detection boolean;
