/**
 * A modal dialog as every admin screen opens one: what it holds is mounted only while it is
 * open, so a form in it starts afresh each time (nothing typed last time, no old errors).
 * Its close button has a name, its title bar is no second page banner (the dialog sits
 * outside the app shell, so a `<header>` there would be one), and on a phone it fills the
 * screen, so a long form scrolls as a page.
 */
import { Modal, type ModalProps } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";

const PHONE = "(max-width: 36em)";

/** For Mantine's Modal and Drawer alike. */
export const DIALOG_CHROME = {
  closeButtonProps: { "aria-label": "Close" },
  attributes: { header: { role: "none" } },
};

export function Dialog({ opened, children, ...props }: ModalProps) {
  const phone = useMediaQuery(PHONE) ?? false;
  return (
    <Modal opened={opened} centered fullScreen={phone} {...DIALOG_CHROME} {...props}>
      {opened && children}
    </Modal>
  );
}
