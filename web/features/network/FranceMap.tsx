import { Badge, Box, Group, Paper, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { corsicaOutline, franceOutline, outlineToSvgPath } from '../../../shared/geo/france.ts';
import type { Lab } from '../../app/types.ts';
import classes from './map.module.css';
import { layoutMarkers, placeLabels } from './map-layout.ts';

const width = 600;
const landPaths = [outlineToSvgPath(franceOutline, width), outlineToSvgPath(corsicaOutline, width)];

/**
 * France drawn as inline SVG from shared/geo/france.ts, one marker per lab. Markers are
 * links (Tab to reach them, Enter to open); hover or focus shows the lab's name.
 */
export function FranceMap({ labs }: { labs: Lab[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [activeId, setActiveId] = useState<string | null>(null);
  const layout = useMemo(() => layoutMarkers(labs, width, { markerSpacing: 19 }), [labs]);
  const labels = useMemo(() => placeLabels(layout.markers), [layout]);
  const active = layout.markers.find((marker) => marker.item.id === activeId) ?? null;
  const unplaced = labs.filter((lab) => lab.latitude === null || lab.longitude === null);

  return (
    <Box>
      <div className={classes.frame}>
        <svg
          viewBox={layout.viewBox}
          className={classes.svg}
          role="group"
          aria-label={t('network.mapLabel', { count: layout.markers.length })}
        >
          <defs>
            <filter id="land-shadow" x="-5%" y="-5%" width="110%" height="110%">
              <feDropShadow dx="0" dy="2" stdDeviation="3" floodColor="#1c3f8c" floodOpacity="0.12" />
            </filter>
          </defs>
          <g aria-hidden="true">
            {landPaths.map((d) => (
              <path key={d.slice(0, 24)} d={d} className={classes.land} filter="url(#land-shadow)" />
            ))}
            {layout.clusters.map((cluster) => (
              <circle
                key={`${cluster.x}-${cluster.y}`}
                cx={cluster.x}
                cy={cluster.y}
                r={3}
                className={classes.clusterCentre}
              />
            ))}
            {layout.markers
              .filter((marker) => marker.clusterSize > 1)
              .map((marker) => (
                <line
                  key={`leader-${marker.item.id}`}
                  x1={marker.x}
                  y1={marker.y}
                  x2={marker.trueX}
                  y2={marker.trueY}
                  className={classes.leader}
                />
              ))}
            {layout.markers.map((marker) => {
              const label = labels.get(marker.item.id);
              return label ? (
                <text
                  key={`label-${marker.item.id}`}
                  x={label.x}
                  y={label.y}
                  textAnchor={label.anchor}
                  className={classes.label}
                >
                  {marker.item.acronym}
                </text>
              ) : null;
            })}
          </g>
          {layout.markers.map((marker) => {
            const lab = marker.item;
            const href = `/labs/${lab.id}`;
            const isActive = activeId === lab.id;
            return (
              <a
                key={lab.id}
                href={href}
                className={classes.marker}
                data-active={isActive || undefined}
                aria-label={t('network.markerLabel', {
                  acronym: lab.acronym,
                  name: lab.name,
                  city: lab.city,
                })}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                  event.preventDefault();
                  navigate(href);
                }}
                onMouseEnter={() => setActiveId(lab.id)}
                onMouseLeave={() => setActiveId((current) => (current === lab.id ? null : current))}
                onFocus={() => setActiveId(lab.id)}
                onBlur={() => setActiveId((current) => (current === lab.id ? null : current))}
              >
                <circle cx={marker.x} cy={marker.y} r={12} className={classes.hit} />
                {lab.kind === 'platform' ? (
                  <rect
                    x={marker.x - 6}
                    y={marker.y - 6}
                    width={12}
                    height={12}
                    rx={2}
                    transform={`rotate(45 ${marker.x} ${marker.y})`}
                    className={`${classes.shape} ${classes.platform}`}
                  />
                ) : (
                  <circle
                    cx={marker.x}
                    cy={marker.y}
                    r={isActive ? 8 : 7}
                    className={`${classes.shape} ${classes.lab}`}
                  />
                )}
              </a>
            );
          })}
        </svg>
        {active && (
          <Paper
            className={classes.tooltip}
            shadow="md"
            p="xs"
            aria-hidden="true"
            style={{
              left: `${(active.x / width) * 100}%`,
              top: `${(active.y / layout.height) * 100}%`,
            }}
          >
            <Group gap={6} wrap="nowrap">
              <Text fw={700} size="sm">
                {active.item.acronym}
              </Text>
              {active.item.kind === 'platform' && (
                <Badge size="xs" color="teal">
                  {t('labs.kind.platform')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {active.item.name}
            </Text>
            <Text size="xs" mt={2}>
              {active.item.city}
              {active.item.delegation ? ` · ${active.item.delegation.code}` : ''}
            </Text>
          </Paper>
        )}
      </div>
      <Group gap="lg" mt="sm" justify="center" aria-hidden="true">
        <Group gap={6}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <circle cx="7" cy="7" r="6" className={`${classes.shape} ${classes.lab}`} />
          </svg>
          <Text size="sm">{t('network.legendLab')}</Text>
        </Group>
        <Group gap={6}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <rect
              x="3"
              y="3"
              width="8"
              height="8"
              rx="1"
              transform="rotate(45 7 7)"
              className={`${classes.shape} ${classes.platform}`}
            />
          </svg>
          <Text size="sm">{t('network.legendPlatform')}</Text>
        </Group>
        {layout.clusters.length > 0 && (
          <Group gap={6}>
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
              <circle cx="7" cy="7" r="3" className={classes.clusterCentre} />
            </svg>
            <Text size="sm">{t('network.legendCluster')}</Text>
          </Group>
        )}
      </Group>
      {unplaced.length > 0 && (
        <Text size="sm" c="dimmed" mt="xs" ta="center">
          {t('network.unplaced', { list: unplaced.map((lab) => lab.acronym).join(', ') })}
        </Text>
      )}
    </Box>
  );
}
