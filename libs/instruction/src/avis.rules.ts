import { ActionStatus } from '@pilotis/actions';
import { DomainError, ErrorCode, FieldError } from '@pilotis/shared';

import { AvisOpinion } from './avis.entity';
import { AVIS_COMMENT_MAX_LENGTH } from './avis.inputs';

/** A reserved or unfavourable opinion must say why: the committee reads the reasons, not just the colour. */
export function validateAvis(opinion: AvisOpinion, comment: string): FieldError[] {
  if (comment.length > AVIS_COMMENT_MAX_LENGTH) {
    return [{ field: 'comment', reason: 'too_long', message: `le commentaire compte au plus ${AVIS_COMMENT_MAX_LENGTH} caractères` }];
  }
  if (opinion !== AvisOpinion.FAVORABLE && comment.trim() === '') {
    return [{ field: 'comment', reason: 'required', message: 'un avis réservé ou défavorable doit être motivé' }];
  }
  return [];
}

/** Avis belong to the instruction step: before it the dossier is not ready, after it the funders decide. */
export function assertInInstruction(status: ActionStatus, reference: string): void {
  if (status !== ActionStatus.EN_INSTRUCTION) {
    throw new DomainError(
      ErrorCode.NOT_IN_INSTRUCTION,
      `L'action ${reference} n'est pas en instruction : un avis ne peut être donné que pendant l'instruction.`,
    );
  }
}
