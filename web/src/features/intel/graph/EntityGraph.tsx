import { Box, useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import type { Neighbourhood } from '../api/types.ts';
import { buildGraph } from './layout.ts';

interface Props {
  data: Neighbourhood;
  focus: string;
  label: string;
  onNodeClick: (nodeId: string) => void;
}

/**
 * The neighbourhood drawn with Sigma.js (WebGL). Loaded on demand: sigma and graphology stay out of
 * the console's main bundle. The same nodes are listed as text next to it for screen readers.
 */
export default function EntityGraph({ data, focus, label, onNodeClick }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const scheme = useComputedColorScheme('light');
  const click = useRef(onNodeClick);
  click.current = onNodeClick;

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const dark = scheme === 'dark';
    const graph = buildGraph(data, focus, dark ? '#5c5f66' : '#ced4da');
    const sigma = new Sigma(graph, el, {
      settings: {
        // Sizes in screen pixels, whatever the spread of the layout.
        itemSizesReference: 'screen',
        // Room for the labels of the outermost nodes.
        stagePadding: 70,
        labelRenderedSizeThreshold: data.nodes.length <= 40 ? 0 : 8,
        labelDensity: 1,
        enableEdgeEvents: false,
        enableCameraRotation: false,
        // The page keeps scrolling over the graph; zoom with Ctrl + wheel or two fingers.
        gestureTarget: 'shared',
        sharedGestureWheelMessage: t('intel.graph.wheel'),
        sharedGestureAppleWheelMessage: t('intel.graph.wheelMac'),
        sharedGestureTouchMessage: t('intel.graph.touch'),
      },
      styles: {
        nodes: [
          DEFAULT_STYLES.nodes,
          {
            labelColor: dark ? '#e9ecef' : '#212529',
            backdropColor: dark ? '#2e2e2e' : '#ffffff',
          },
        ],
      },
    });
    sigma.on('clickNode', ({ node }) => click.current(node));
    sigma.on('enterNode', () => {
      el.style.cursor = 'pointer';
    });
    sigma.on('leaveNode', () => {
      el.style.cursor = 'default';
    });
    return () => sigma.kill();
  }, [data, focus, scheme, t]);

  return (
    <Box
      ref={container}
      role="img"
      aria-label={label}
      data-testid="entity-graph"
      h={{ base: 360, md: 520 }}
      style={{
        position: 'relative',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
        overflow: 'hidden',
      }}
    />
  );
}
