import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@app/platform';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** iCalendar text: sent as the message's calendar part (text/calendar; method=PUBLISH). */
  ics?: string | null;
}

/** E-mail over SMTP (nodemailer) when SMTP_URL is set; otherwise disabled and notifications stay in-app. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('SMTP is not configured');
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.ics ? { icalEvent: { filename: 'invite.ics', method: 'PUBLISH', content: mail.ics } } : {}),
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
