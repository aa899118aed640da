import { registerEnumType } from 'type-graphql';

export enum AppointmentKind {
  PRISON_OFFICE_HOURS = 'PRISON_OFFICE_HOURS',
  INTERVIEW = 'INTERVIEW',
  HOME_VISIT = 'HOME_VISIT',
  ACCOMPANIMENT = 'ACCOMPANIMENT',
}

export enum AppointmentStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  NO_SHOW = 'NO_SHOW',
  CANCELLED = 'CANCELLED',
}

registerEnumType(AppointmentKind, {
  name: 'AppointmentKind',
  description: 'What kind of appointment a structure holds with a person.',
  valuesConfig: {
    PRISON_OFFICE_HOURS: { description: 'Office hours held in prison before release ("permanence").' },
    INTERVIEW: { description: 'Individual interview with the person.' },
    HOME_VISIT: { description: "A visit to the person's home." },
    ACCOMPANIMENT: { description: 'Accompanying the person to a service.' },
  },
});
registerEnumType(AppointmentStatus, {
  name: 'AppointmentStatus',
  description: 'Where an appointment stands.',
  valuesConfig: {
    SCHEDULED: { description: 'Planned, not yet held.' },
    HELD: { description: 'The appointment took place.' },
    NO_SHOW: { description: 'The person did not come.' },
    CANCELLED: { description: 'The appointment was cancelled.' },
  },
});
