'use client';

import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { WEEKDAYS, type Interval, type Week, type Weekday } from '@/lib/calendars';
import { messages } from '@/messages/es-MX';

const t = messages.calendars;

/**
 * Working hours per weekday, several intervals a day. The server checks times, order and overlaps
 * and names the interval (`week.<day>.<n>.start|end`); those messages show under the input.
 */
export function WeekEditor({ week, onChange, errors }: { week: Week; onChange: (week: Week) => void; errors: Record<string, string> }) {
  const setDay = (day: Weekday, intervals: Interval[]) => onChange({ ...week, [day]: intervals });
  return (
    <Stack gap="sm" data-testid="week-editor">
      {WEEKDAYS.map((day) => {
        const name = t.weekdays[day]!;
        const intervals = week[day];
        return (
          <Group key={day} align="flex-start" gap="sm" wrap="wrap" data-day={day} className="calendar-day">
            <Text fw={600} w={96} pt={6}>
              {name}
            </Text>
            <Stack gap="xs" style={{ flex: 1, minWidth: 220 }}>
              {intervals.length === 0 && (
                <Text c="dimmed" pt={6}>
                  {t.closedDay}
                </Text>
              )}
              {intervals.map((interval, i) => (
                <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    aria-label={t.intervalStart(name, i + 1)}
                    placeholder="09:00"
                    w={96}
                    value={interval.start}
                    error={errors[`week.${day}.${i}.start`]}
                    onChange={(e) =>
                      setDay(
                        day,
                        intervals.map((x, j) => (j === i ? { ...x, start: e.currentTarget.value } : x)),
                      )
                    }
                  />
                  <Text pt={6} aria-hidden>
                    –
                  </Text>
                  <TextInput
                    aria-label={t.intervalEnd(name, i + 1)}
                    placeholder="18:00"
                    w={96}
                    value={interval.end}
                    error={errors[`week.${day}.${i}.end`]}
                    onChange={(e) =>
                      setDay(
                        day,
                        intervals.map((x, j) => (j === i ? { ...x, end: e.currentTarget.value } : x)),
                      )
                    }
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t.removeInterval(name, i + 1)}
                    onClick={() =>
                      setDay(
                        day,
                        intervals.filter((_, j) => j !== i),
                      )
                    }
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
            <Button
              variant="subtle"
              size="compact-sm"
              mt={4}
              aria-label={t.addIntervalTo(name)}
              onClick={() => {
                const last = intervals.at(-1);
                setDay(day, [...intervals, last ? { start: last.end === '24:00' ? '23:00' : last.end, end: '24:00' } : { start: '09:00', end: '18:00' }]);
              }}
            >
              {t.addInterval}
            </Button>
          </Group>
        );
      })}
      {errors.week && (
        <Text c="red" size="sm" role="alert">
          {errors.week}
        </Text>
      )}
    </Stack>
  );
}
