-- A version's transcript is its layout (every slice's samples and checkpoints) plus the training configuration of a
-- slice step: keep that configuration alone and derive the transcript, so the two can never disagree.
alter table model_version add column slice_training text;
update model_version set slice_training = (transcript::jsonb -> 'sliceTraining')::text;
alter table model_version alter column slice_training set not null;
alter table model_version drop column transcript;
