import { Field } from '../../common/components';

/** The API's minimum length of a password (ResetPasswordInput, AcceptInvitationInput, ChangePasswordInput). */
export const MIN_LENGTH = 12;
export const TOO_SHORT = `Mot de passe trop court : ${MIN_LENGTH} caractères au moins.`;
export const NOT_THE_SAME = 'Les deux mots de passe ne sont pas identiques : saisissez le même mot de passe deux fois.';
export const CHOOSE_ONE = `Choisissez un mot de passe de ${MIN_LENGTH} caractères au moins.`;

export interface NewPassword {
  password: string;
  confirmation: string;
}

export type NewPasswordErrors = Partial<Record<keyof NewPassword, string>>;

/** What is refused before the API: a password too short (or none), a confirmation that differs. */
export function newPasswordErrors({ password, confirmation }: NewPassword): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  if (password.length < MIN_LENGTH) errors.password = password ? TOO_SHORT : CHOOSE_ONE;
  if (password !== confirmation) errors.confirmation = NOT_THE_SAME;
  return errors;
}

/**
 * A new password typed twice, with the hints and errors every form shows. `label` names the first field
 * ("Nouveau mot de passe"); the second is its confirmation ("Confirmation du nouveau mot de passe").
 */
export function NewPasswordFields({
  label,
  value,
  errors,
  onChange,
}: {
  label: string;
  value: NewPassword;
  errors: NewPasswordErrors;
  onChange(value: NewPassword): void;
}) {
  return (
    <>
      <Field label={label} hint={`${MIN_LENGTH} caractères au moins`} error={errors.password}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_LENGTH}
            value={value.password}
            onChange={(e) => onChange({ ...value, password: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={`Confirmation du ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
        hint="Le même mot de passe, une seconde fois"
        error={errors.confirmation}
      >
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="new-password"
            required
            value={value.confirmation}
            onChange={(e) => onChange({ ...value, confirmation: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
