import type { Locale } from '../../shared/roles.ts';

/** Transactional mails: a text part and a simple, escaped HTML part, in the recipient's language. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

type Rendered = { subject: string; text: string; html: string };

function layout(input: {
  paragraphs: string[];
  action: { label: string; url: string };
  footer: string;
}): string {
  const paragraphs = input.paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('');
  return `<!doctype html><html><body style="margin:0;background:#f4f5f7;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1b1e">
<div style="max-width:560px;margin:0 auto;padding:32px 16px">
<div style="font-weight:700;font-size:20px;color:#1c3f8c;margin-bottom:24px">Relais</div>
<div style="background:#fff;border-radius:8px;padding:28px;font-size:15px;line-height:1.55">${paragraphs}
<p style="margin:24px 0"><a href="${escapeHtml(input.action.url)}" style="background:#1c3f8c;color:#fff;text-decoration:none;padding:12px 20px;border-radius:6px;display:inline-block;font-weight:600">${escapeHtml(input.action.label)}</a></p>
<p style="margin:0;font-size:13px;color:#5c5f66;word-break:break-all">${escapeHtml(input.action.url)}</p></div>
<p style="font-size:12px;color:#868e96;margin-top:16px">${escapeHtml(input.footer)}</p></div></body></html>`;
}

function render(
  paragraphs: string[],
  action: { label: string; url: string },
  footer: string,
  subject: string,
): Rendered {
  return {
    subject,
    text: `${paragraphs.join('\n\n')}\n\n${action.label}: ${action.url}\n\n--\n${footer}\n`,
    html: layout({ paragraphs, action, footer }),
  };
}

export function invitationMail(input: {
  locale: Locale;
  firstName: string;
  inviterName: string;
  link: string;
}): Rendered {
  if (input.locale === 'en') {
    return render(
      [
        `Hello ${input.firstName},`,
        `${input.inviterName} invites you to Relais, the communication network of the institute's laboratories.`,
        'Choose your password to activate your account. The link is valid for 14 days.',
      ],
      { label: 'Activate my account', url: input.link },
      'You received this email because an administrator of Relais invited you.',
      'Your invitation to Relais',
    );
  }
  return render(
    [
      `Bonjour ${input.firstName},`,
      `${input.inviterName} vous invite sur Relais, le réseau de communication des laboratoires de l'institut.`,
      'Choisissez votre mot de passe pour activer votre compte. Le lien est valable 14 jours.',
    ],
    { label: 'Activer mon compte', url: input.link },
    'Vous recevez ce message car un administrateur de Relais vous a invité·e.',
    'Votre invitation sur Relais',
  );
}

export function passwordResetMail(input: { locale: Locale; firstName: string; link: string }): Rendered {
  if (input.locale === 'en') {
    return render(
      [
        `Hello ${input.firstName},`,
        'Someone asked to reset the password of your Relais account. If it was you, choose a new password; the link is valid for 2 hours.',
        'If it was not you, ignore this email: your password stays as it is.',
      ],
      { label: 'Choose a new password', url: input.link },
      'Relais — password reset',
      'Reset your Relais password',
    );
  }
  return render(
    [
      `Bonjour ${input.firstName},`,
      'Une réinitialisation du mot de passe de votre compte Relais a été demandée. Si c’est vous, choisissez un nouveau mot de passe ; le lien est valable 2 heures.',
      'Sinon, ignorez ce message : votre mot de passe reste inchangé.',
    ],
    { label: 'Choisir un nouveau mot de passe', url: input.link },
    'Relais — réinitialisation du mot de passe',
    'Réinitialisez votre mot de passe Relais',
  );
}
