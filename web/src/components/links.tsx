import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

/** Mantine pieces that navigate with the router (typed `to`, preload on intent). */
type AnchorAttrs<P> = P &
  Omit<AnchorHTMLAttributes<HTMLAnchorElement>, keyof P | 'color'> & { ref?: Ref<HTMLAnchorElement> };

function NavLinkBase(props: AnchorAttrs<Omit<NavLinkProps, 'href'>>) {
  return <NavLink component="a" {...props} />;
}
function AnchorBase(props: AnchorAttrs<Omit<AnchorProps, 'href'>>) {
  return <Anchor component="a" {...props} />;
}
function ButtonBase(props: AnchorAttrs<Omit<ButtonProps, 'href'>>) {
  return <Button component="a" {...props} />;
}

const CreatedNavLink = createLink(NavLinkBase);
const CreatedAnchor = createLink(AnchorBase);
const CreatedButton = createLink(ButtonBase);

export const RouterNavLink: LinkComponent<typeof NavLinkBase> = (props) => (
  <CreatedNavLink preload="intent" {...props} />
);
export const RouterAnchor: LinkComponent<typeof AnchorBase> = (props) => <CreatedAnchor preload="intent" {...props} />;
export const RouterButton: LinkComponent<typeof ButtonBase> = (props) => <CreatedButton preload="intent" {...props} />;
