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
  valuesConfig: {
    PRISON_OFFICE_HOURS: { description: 'Office hours held in prison before release ("permanence").' },
    INTERVIEW: { description: 'Individual interview.' },
    HOME_VISIT: { description: 'Home visit.' },
    ACCOMPANIMENT: { description: 'Accompanying the person to a service.' },
  },
});
registerEnumType(AppointmentStatus, { name: 'AppointmentStatus' });
