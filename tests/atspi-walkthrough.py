#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Uses Jalons as a screen reader user would, through AT-SPI: finds
widgets by role and accessible name, types, presses buttons, and checks
what the user would hear at each step.

Run under a session bus and a display (dbus-run-session -- xvfb-run -a),
with the system's python3 and pyatspi:

    atspi-walkthrough.py JALONS_PROGRAM BUNDLED_PLAN
"""

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 20.0

# The TAP report goes to the descriptor the wrapper gives, away from what
# the accessibility bus and its daemons print on the standard output.
report = os.fdopen(int(os.environ.get('JALONS_TAP_FD', '1')), 'w', buffering=1)
SEARCH = 'égalité'
UNIT = 'RH'


class StepFailed(Exception):
    pass


class StepSkipped(Exception):
    pass


def wait_for(what, check, timeout=TIMEOUT):
    """Polls check() until it returns something true; fails naming what."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            result = check()
            if result:
                return result
        except (StepFailed, LookupError, RuntimeError) as error:
            last_error = error
        time.sleep(0.1)
    detail = f' ({last_error})' if last_error else ''
    raise StepFailed(f'{what}: not seen within {timeout:.0f} s{detail}')


def descendants(accessible, max_depth=60):
    """Every accessible under accessible, depth first."""
    stack = [(accessible, 0)]
    while stack:
        node, depth = stack.pop()
        if node is None:
            continue
        yield node
        if depth >= max_depth:
            continue
        try:
            count = node.childCount
        except Exception:
            continue
        for index in reversed(range(count)):
            try:
                stack.append((node.getChildAtIndex(index), depth + 1))
            except Exception:
                pass


def role_name(accessible):
    try:
        return accessible.getRoleName()
    except Exception:
        return ''


def find_all(root, role, name=None, predicate=None):
    found = []
    for node in descendants(root):
        if role_name(node) != role:
            continue
        if name is not None and node.name != name:
            continue
        if predicate is not None and not predicate(node):
            continue
        found.append(node)
    return found


def find(root, role, name=None, predicate=None, what=None):
    """The first accessible of role (and name), waiting for it to appear."""
    label = what or (f'{role} “{name}”' if name else role)
    return wait_for(label, lambda: next(iter(find_all(root, role, name, predicate)), None))


def has_state(accessible, state):
    return accessible.getState().contains(state)


def click(accessible, what):
    """Clicks accessible, or the button inside it (a menu button holds
    its toggle button)."""
    for node in descendants(accessible, max_depth=2):
        try:
            action = node.queryAction()
        except NotImplementedError:
            continue
        for index in range(action.nActions):
            if action.getName(index) in ('click', 'press', 'activate'):
                action.doAction(index)
                return
    raise StepFailed(f'{what}: nothing to click')


class Walkthrough:
    def __init__(self, program, bundled_plan):
        self.program = program
        self.bundled_plan = bundled_plan
        self.work = tempfile.mkdtemp(prefix='jalons-atspi-')
        self.process = None
        self.app = None
        self.window = None

    # --- Set-up ------------------------------------------------------------

    def start(self):
        """Starts Jalons on a copy of the bundled plan, with its own home."""
        home = os.path.join(self.work, 'home')
        os.makedirs(home)
        self.plan = os.path.join(self.work, 'plan.json')
        shutil.copy(self.bundled_plan, self.plan)
        env = dict(os.environ)
        env.pop('GTK_A11Y', None)   # AT-SPI, not the test backend
        env.update(HOME=home,
                   XDG_DATA_HOME=os.path.join(home, 'data'),
                   XDG_CONFIG_HOME=os.path.join(home, 'config'),
                   XDG_CACHE_HOME=os.path.join(home, 'cache'),
                   GSETTINGS_BACKEND='memory',
                   LANGUAGE='en',
                   LANG='C.UTF-8')
        self.env = env
        self.process = subprocess.Popen([self.program, self.plan], env=env, cwd=self.work)

        def application():
            if self.process.poll() is not None:
                raise StepFailed(f'jalons exited with status {self.process.returncode}')
            desktop = pyatspi.Registry.getDesktop(0)
            for index in range(desktop.childCount):
                app = desktop.getChildAtIndex(index)
                if app is not None and app.name == 'jalons':
                    return app
            return None

        self.app = wait_for('the jalons application on the accessibility bus', application)
        self.window = find(self.app, 'frame', what='the main window')

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.work, ignore_errors=True)

    # --- What the user hears ---------------------------------------------------

    def count_label(self):
        """The “N of M actions” line under the list, as (N, M)."""
        for label in find_all(self.window, 'label'):
            words = label.name.split()
            if len(words) == 4 and words[1] == 'of' and words[3] in ('actions', 'action'):
                return int(words[0]), int(words[2])
        raise StepFailed('no “N of M actions” label under the list')

    def expected_count(self, query):
        """How many actions the command line's CSV export keeps for query."""
        out = os.path.join(self.work, 'expected.csv')
        subprocess.run([self.program, f'--export={out}', f'--filter={query}', self.plan],
                       env=self.env, check=True)
        with open(out, encoding='utf-8-sig') as f:
            return sum(1 for row in csv.DictReader(f) if row['Kind'] == 'action')

    # --- Steps -------------------------------------------------------------

    def step_plan_is_open(self):
        """The window shows the imported plan with all its actions."""
        wait_for('the list of actions', lambda: find_all(self.window, 'tree table', 'Actions'))
        shown, total = wait_for('the count of actions', self.count_label)
        if shown != total or total < 100:
            raise StepFailed(f'the whole plan should show, not {shown} of {total} actions')
        self.total = total

    def step_search(self):
        """Types “égalité” in the search entry; the count follows."""
        entry = find(self.window, 'entry', 'Search actions')
        entry.queryEditableText().setTextContents(SEARCH)
        expected = self.expected_count(SEARCH)
        if expected == 0:
            raise StepFailed(f'the bundled plan has no action about “{SEARCH}”')
        wait_for(f'“{expected} of {self.total} actions” after searching “{SEARCH}”',
                 lambda: self.count_label() == (expected, self.total))

    def step_filter_by_unit(self):
        """Chooses a unit in the Unit filter menu; the list narrows."""
        button = find(self.window, 'push button', 'Unit')
        click(button, 'the Unit filter button')
        item = find(self.app, 'push button', predicate=lambda n: n.name.startswith(UNIT + ' — '),
                    what=f'the toggle button of unit {UNIT}')
        click(item, f'the toggle button of unit {UNIT}')
        expected = self.expected_count(f'{SEARCH} unit:{UNIT}')
        wait_for(f'“{expected} of {self.total} actions” after choosing unit {UNIT}',
                 lambda: self.count_label() == (expected, self.total))
        self.shown = expected
        find(self.window, 'push button', f'Unit {UNIT}', what=f'the filter button showing unit {UNIT}')

    def on_screen(self, accessible):
        """Whether accessible has been given room in the window: the
        content of a stack page that was never shown has none."""
        extents = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return extents.width > 0 and extents.height > 0

    def switch_page(self, title):
        """Presses the page tab of the view switcher named title."""
        tabs = wait_for(f'the “{title}” page tab',
                        lambda: find_all(self.window, 'page tab', title))
        click(tabs[0], f'the “{title}” page tab')
        wait_for(f'the “{title}” page tab selected',
                 lambda: all(has_state(tab, pyatspi.STATE_SELECTED)
                             for tab in find_all(self.window, 'page tab', title)))
        others = [tab.name for tab in find_all(self.window, 'page tab')
                  if tab.name != title and has_state(tab, pyatspi.STATE_SELECTED)]
        if others:
            raise StepFailed(f'other page tabs still selected: {others}')

    def step_timeline(self):
        """Switches to the timeline with its page tab."""
        self.switch_page('Timeline')
        self.check_timeline()

    def check_timeline(self):
        """The timeline is a picture named “Timeline” whose description
        counts the actions the list shows, as a screen reader reads it."""
        canvas = wait_for('the timeline picture on screen',
                          lambda: next((node for node in find_all(self.window, 'image')
                                        if node.name.startswith('Timeline') and self.on_screen(node)),
                                       None))
        expected = f'{self.shown} action' + ('s' if self.shown != 1 else '') + ','
        wait_for(f'the timeline described as “{expected} …”',
                 lambda: canvas.description.startswith(expected))
        if ' overdue, from ' not in canvas.description:
            raise StepFailed(f'the timeline description gives no overdue count or period: '
                             f'“{canvas.description}”')

    def step_indicators(self):
        """Switches to the indicators with its page tab."""
        self.switch_page('Indicators')
        self.check_indicators()

    def check_indicators(self):
        """The charts are pictures with a name and a description that gives
        their numbers: the plan-wide status chart and one per indicator."""
        charts = wait_for('the status chart on screen',
                          lambda: [node for node in find_all(self.window, 'image')
                                   if node.name == 'Actions by status for each objective'
                                   and self.on_screen(node)])
        if not any(char.isdigit() for char in charts[0].description):
            raise StepFailed(f'the status chart description has no numbers: “{charts[0].description}”')
        indicators = [node for node in find_all(self.window, 'image')
                      if node.name.startswith('Indicator ')]
        if len(indicators) != 5:
            raise StepFailed(f'{len(indicators)} indicator charts, not the plan’s 5: '
                             f'{[node.name for node in indicators]}')
        if not all(node.description for node in indicators):
            raise StepFailed('an indicator chart has no description')

    def find_window(self, title, what):
        """The application's window titled title, whatever its role."""
        def window():
            for index in range(self.app.childCount):
                child = self.app.getChildAtIndex(index)
                if child is not None and child.name == title:
                    return child
            return None
        return wait_for(what, window)

    def menu_item(self, label):
        """Opens the main menu and returns its item named label."""
        click(find(self.window, 'push button', 'Main Menu'), 'the main menu button')
        return find(self.app, 'menu item', label, what=f'the “{label}” menu item')

    def save_in_file_chooser(self, title, name):
        """Types name in the file chooser titled title and accepts it."""
        dialog = self.find_window(title, f'the “{title}” file chooser')
        entry = find(dialog, 'text', 'Name:', what='the file name entry')
        entry.queryEditableText().setTextContents(name)
        accept = find(dialog, 'push button', predicate=lambda n: n.name.endswith(' Export'),
                      what='the Export button of the file chooser')
        click(accept, 'the Export button of the file chooser')

    def step_export_csv(self):
        """Exports the filtered actions to CSV with the Export… menu item:
        the file has the actions the list shows, and a toast says so."""
        click(self.menu_item('Export…'), 'the Export… menu item')
        self.save_in_file_chooser('Export the Actions', 'walkthrough.csv')
        path = os.path.join(self.work, 'walkthrough.csv')
        wait_for('the toast “Exported to “walkthrough.csv””',
                 lambda: find_all(self.app, 'label', 'Exported to “walkthrough.csv”'))
        with open(path, encoding='utf-8-sig') as f:
            rows = [row for row in csv.DictReader(f) if row['Kind'] == 'action']
        shown, _ = self.count_label()
        if len(rows) != shown:
            raise StepFailed(f'the CSV has {len(rows)} actions, the list shows {shown}')
        if not all(UNIT in row['Units'].split(', ') for row in rows):
            raise StepFailed(f'the CSV has actions not of unit {UNIT}')

    def step_export_pdf(self):
        """Exports the visible view to PDF with Export View…, through the
        export dialog and the file chooser; only views with a picture (the
        timeline, the indicators) can be exported."""
        self.switch_page('Timeline')
        item = self.menu_item('Export View…')
        if not has_state(item, pyatspi.STATE_SENSITIVE):
            raise StepSkipped('Export View… is disabled: no view has a picture to export yet')
        click(item, 'the Export View… menu item')
        dialog = self.find_window('Export', 'the export dialog')
        find(dialog, 'label', 'PDF document', what='PDF chosen in the export dialog')
        click(find(dialog, 'push button', predicate=lambda n: n.name.endswith(' Export…'),
                   what='the Export… button of the export dialog'), 'the Export… button')
        self.save_in_file_chooser('Export to', 'walkthrough.pdf')
        path = os.path.join(self.work, 'walkthrough.pdf')
        wait_for('the toast “Exported to “walkthrough.pdf””',
                 lambda: find_all(self.app, 'label', 'Exported to “walkthrough.pdf”'))
        info = subprocess.run(['pdfinfo', path], capture_output=True, text=True, check=True).stdout
        if 'Pages:' not in info:
            raise StepFailed(f'{path} is not a PDF: {info}')
        # The PDF is the timeline as filtered on screen.
        text = subprocess.run(['pdftotext', '-l', '1', path, '-'], capture_output=True, text=True,
                              check=True).stdout
        counted = f'{self.shown} of {self.total} actions'
        if counted not in text:
            raise StepFailed(f'the PDF does not say “{counted}”: it is not the filtered timeline')

    def step_import_spreadsheet(self):
        """Opens a spreadsheet from outside, as a file manager does: the
        import dialog reads it and reports every row before anything is
        written; Import makes a plan of it and opens it, where an action
        is found by searching."""
        source_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(self.bundled_plan))))
        sheet = os.path.join(self.work, 'sheet.xlsx')
        shutil.copy(os.path.join(source_root, 'tests', 'import', 'seed.xlsx'), sheet)
        subprocess.run([self.program, sheet], env=self.env, cwd=self.work, check=True, timeout=60)
        dialog = self.find_window('Import “sheet.xlsx”', 'the import dialog')
        summary = wait_for('the import report’s summary',
                           lambda: next((label for label in find_all(dialog, 'label')
                                         if ' rows → ' in label.name), None))
        if '91 actions' not in summary.name:
            raise StepFailed(f'the report should count 91 actions: “{summary.name}”')
        if os.path.exists(os.path.join(self.work, 'sheet.jalons')):
            raise StepFailed('a plan file was written before Import was pressed')
        wait_for('a report row for action 1.8',
                 lambda: any('action 1.8;' in label.name for label in find_all(dialog, 'label')))
        buttons = [button.name for button in find_all(dialog, 'push button')]
        button = next((b for b in find_all(dialog, 'push button')
                       if b.name == 'Import' or b.name.endswith(' Import')), None)
        if button is None:
            raise StepFailed(f'no Import button in the dialog, only {buttons}')
        click(button, 'the Import button')
        wait_for('sheet.jalons written beside the spreadsheet',
                 lambda: os.path.exists(os.path.join(self.work, 'sheet.jalons')))

        def imported_window():
            for index in range(self.app.childCount):
                child = self.app.getChildAtIndex(index)
                if child is None or role_name(child) != 'frame':
                    continue
                for label in find_all(child, 'label'):
                    words = label.name.split()
                    if len(words) == 4 and words[1] == 'of' and words[2] == '91':
                        return child
            return None

        window = wait_for('a window showing the 91 imported actions', imported_window)
        entry = find(window, 'entry', 'Search actions')
        entry.queryEditableText().setTextContents('praticiens hospitaliers')
        wait_for('“1 of 91 actions” after searching the imported plan',
                 lambda: any(label.name == '1 of 91 actions' for label in find_all(window, 'label')))

    def step_present_then_search(self):
        """The meeting: on the timeline, Present, leave, then search in the
        timeline's own entry: the page stays whole and follows."""
        self.switch_page('Timeline')
        present = find(self.window, 'push button', 'Present', what='the Present button')
        # The timeline's toolbar: the Present button's, with the search
        # entry and the zoom buttons.
        toolbar = present.parent
        while toolbar is not None and not find_all(toolbar, 'entry', 'Search actions'):
            toolbar = toolbar.parent
        if toolbar is None:
            raise StepFailed('no search entry beside the Present button')
        entry = find(toolbar, 'entry', 'Search actions', what='the timeline’s search entry')
        zoom = [find(toolbar, 'push button', name, what=f'the {name} zoom button')
                for name in ('Quarters', 'Semesters', 'Years')]
        click(present, 'the Present button')
        presentation = self.find_window('Timeline Presentation', 'the presentation window')
        wait_for('the presentation on screen',
                 lambda: any(self.on_screen(node) for node in find_all(presentation, 'image')))
        # GTK 4.8 brings the application down when asked for a window
        # that was just destroyed: what follows only asks for the main
        # window's widgets, found before.
        click(find(presentation, 'push button', 'Leave Presentation',
                   what='the Leave Presentation button'), 'the Leave Presentation button')
        query = 'recrutement'
        entry.queryEditableText().setTextContents(query)
        self.shown = self.expected_count(query)
        self.check_timeline()
        for button in zoom:
            if not self.on_screen(button):
                raise StepFailed(f'the {button.name} zoom button is not on screen after searching')
        if not self.on_screen(entry):
            raise StepFailed('the timeline’s search entry went off screen after searching')

    def step_french_query(self):
        """Types the query in French words, as a French user does: the list
        and the command line read it as its English form."""
        self.switch_page('Actions')
        entry = find(self.window, 'entry', 'Search actions')
        for french, english in (('statut:en-cours unité:RH', 'status:in-progress unit:RH'),
                                ('échéance:2e sem. 2022 -statut:réalisée',
                                 'due:2022-S2 -status:done'),
                                ('en-retard objectif:4', 'overdue objective:4')):
            entry.queryEditableText().setTextContents(french)
            expected = self.expected_count(english)
            if expected == 0:
                raise StepFailed(f'the bundled plan has no action for “{english}”')
            if self.expected_count(french) != expected:
                raise StepFailed(f'--filter reads “{french}” otherwise than “{english}”')
            wait_for(f'“{expected} of {self.total} actions” after typing “{french}”',
                     lambda: self.count_label() == (expected, self.total))
            errors = [node.name for node in find_all(self.window, 'label', 'Error')]
            if errors:
                raise StepFailed(f'“{french}” shows an error')

    def run(self):
        steps = [
            self.start,
            self.step_plan_is_open,
            self.step_search,
            self.step_filter_by_unit,
            self.step_timeline,
            self.step_indicators,
            self.step_export_csv,
            self.step_export_pdf,
            self.step_import_spreadsheet,
            self.step_present_then_search,
            self.step_french_query,
        ]
        for number, step in enumerate(steps, 1):
            name = step.__name__
            try:
                step()
            except StepSkipped as reason:
                print(f'ok {number} {name} # SKIP {reason}', file=report)
                continue
            except StepFailed as error:
                print(f'not ok {number} {name}: {error}', file=report)
                return 1
            except Exception as error:   # a broken accessible, a dead process
                print(f'not ok {number} {name}: {type(error).__name__}: {error}', file=report)
                return 1
            print(f'ok {number} {name}', file=report)
        return 0


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    walkthrough = Walkthrough(sys.argv[1], sys.argv[2])
    print('1..11', file=report)
    try:
        return walkthrough.run()
    finally:
        walkthrough.stop()


if __name__ == '__main__':
    sys.exit(main())
