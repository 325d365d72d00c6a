/**
 * A role's permissions as modules by actions. Editing, a permission the signed-in person
 * does not hold is shown but cannot be ticked: nobody hands out more than they have (the
 * server refuses it too).
 */
import { Checkbox, Table, Text, VisuallyHidden } from "@mantine/core";
import { useId } from "react";
import { ScrollTable } from "../../components/ScrollTable";
import type { Me } from "../../lib/permissions";
import { ACTIONS, ACTION_LABELS, type Grantable, MODULES, MODULE_LABELS, canGrant, cellName, permissionAt } from "./role-permissions";

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface Editing {
  me: Me;
  onToggle: (permission: Grantable, granted: boolean) => void;
}

export function PermissionMatrix({
  label,
  granted,
  editing,
}: {
  /** Names the table, e.g. "Permissions of FACULTY". */
  label: string;
  granted: ReadonlySet<string>;
  /** Absent: the matrix is only read. */
  editing?: Editing;
}) {
  const lackedId = useId();
  const lacksSome = editing !== undefined && MODULES.some((module) =>
    ACTIONS.some((action) => {
      const permission = permissionAt(module, action);
      return permission !== null && !canGrant(editing.me, permission);
    }),
  );
  return (
    <>
      <ScrollTable label="Permissions" minWidth={340}>
        <Table aria-label={label} withTableBorder withColumnBorders verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Module</Table.Th>
              {ACTIONS.map((action) => (
                <Table.Th key={action} scope="col" ta="center">
                  {capitalized(ACTION_LABELS[action])}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {MODULES.map((module) => (
              <Table.Tr key={module}>
                <Table.Th scope="row">{MODULE_LABELS[module]}</Table.Th>
                {ACTIONS.map((action) => {
                  const permission = permissionAt(module, action);
                  return (
                    <Table.Td key={action} ta="center">
                      {permission === null ? (
                        <CellMark mark="–" meaning="does not apply" color="dimmed" />
                      ) : editing === undefined ? (
                        granted.has(permission) ? (
                          <CellMark mark="✓" meaning="allowed" color="teal" />
                        ) : (
                          <CellMark mark="·" meaning="not allowed" color="dimmed" />
                        )
                      ) : (
                        <MatrixCheckbox
                          name={cellName(module, action)}
                          checked={granted.has(permission)}
                          grantable={canGrant(editing.me, permission)}
                          lackedId={lackedId}
                          onChange={(checked) => editing.onToggle(permission, checked)}
                        />
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {lacksSome && (
        <Text id={lackedId} size="sm" c="dimmed">
          Greyed-out permissions are ones you do not hold yourself, so you cannot grant or remove them.
        </Text>
      )}
    </>
  );
}

function MatrixCheckbox({
  name,
  checked,
  grantable,
  lackedId,
  onChange,
}: {
  name: string;
  checked: boolean;
  grantable: boolean;
  lackedId: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Checkbox
      aria-label={name}
      checked={checked}
      disabled={!grantable}
      onChange={(event) => onChange(event.currentTarget.checked)}
      {...(grantable ? {} : { "aria-describedby": lackedId, title: "You do not hold this permission" })}
      styles={{ body: { justifyContent: "center" } }}
    />
  );
}

/** A read-only cell: a mark for the eye, words for a screen reader (the headers name the cell). */
function CellMark({ mark, meaning, color }: { mark: string; meaning: string; color: string }) {
  return (
    <>
      <Text span c={color} fw={700} aria-hidden>
        {mark}
      </Text>
      <VisuallyHidden>{meaning}</VisuallyHidden>
    </>
  );
}
