import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { GenerateReportJobData, JOB, QUEUE } from '@pilotis/jobs';
import { PermanentReportError, ReportGenerationService, ReportJobOutcome } from './report-generation.service';

/** Wires report jobs to the generation service; nothing else. */
@Processor(QUEUE.REPORTS)
export class ReportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportsProcessor.name);

  constructor(private readonly generation: ReportGenerationService) {
    super();
  }

  async process(job: Job<GenerateReportJobData>): Promise<ReportJobOutcome> {
    switch (job.name) {
      case JOB.GENERATE_REPORT:
        try {
          return await this.generation.generate(job.data, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
        } catch (error) {
          // No retry can help: the report is already FAILED with its reason.
          if (error instanceof PermanentReportError) throw new UnrecoverableError(error.message);
          throw error;
        }
      default:
        throw new UnrecoverableError(`Unknown job ${job.name} on queue ${QUEUE.REPORTS}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`report job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }
}
