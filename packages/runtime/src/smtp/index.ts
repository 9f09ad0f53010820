export { sendMail, SmtpError, type SmtpEnvelope, type SmtpReceipt } from './client.js'
export { composeMessage, encodedWords, quotedPrintable, type MailMessage } from './message.js'
export { parseSmtpUrl, SmtpUrlError, SMTP_URL_FORMS, type SmtpSettings } from './settings.js'
