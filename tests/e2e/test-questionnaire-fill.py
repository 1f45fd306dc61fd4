#!/usr/bin/python3
# test-questionnaire-fill.py — the built-in questionnaire filled in at a customer's desk
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Imports one returning customer (industry 互联网, a contact, a tag) with
# the command line, starts the real rapport binary, clicks the customer's
# row and chooses "Fill In Questionnaire" from the detail's menu. The
# questionnaire opens on "Basic information", prefilled from the record.
# It answers module by module through AT-SPI (choice buttons are clicked,
# entries get their text as typed input): industry 制造业, 350 employees,
# the concerns "Cost reduction" and "Other: 数据安全", a pain point,
# satisfaction 2 of 5. Then it kills the app with SIGKILL, starts it
# again, and continues the draft from the Questionnaires page: it must
# reopen on the module it was left at with every answer kept. It answers
# the rest, submits, checks the confirmation lists the tags and the key
# follow-up, confirms, quits with Ctrl+Q and reads the database: the
# customer's industry, size, pain points and tags, and the response
# submitted. Screenshots of each module are kept in the build folder.
#
# Output is TAP. Run it with the system /usr/bin/python3 (pyatspi), under
# a display and a session bus (build-aux/test.sh).

import argparse
import os
import shutil
import signal
import sqlite3
import sys

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.

import e2e_util as e2e
from e2e_util import Fatal, pyatspi

NAME = '杭州云帆科技有限公司'
CONTACT = '王芳'
PHONE = '13812345678'
PAIN = '月底对账要三个人手工核对两天'
OTHER = '数据安全'
PLANS = '明年在成都开新工厂'


# The display of the app being driven, for real clicks.
DISPLAY = None


def do_action(obj, names=('click', 'activate', 'press', 'toggle')):
    """Runs @obj's click action; GTK 4.8 gives a check button none, so it
    gets a real click."""
    try:
        action = obj.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in names:
                action.doAction(i)
                return
    except NotImplementedError:
        pass
    if DISPLAY is None:
        raise Fatal('%s has no click action' % e2e.describe(obj))
    DISPLAY.click_object(obj)


def called(obj, name):
    """Whether @obj is called @name, once (see e2e.named_twice())."""
    return e2e.named(obj, name)


def visible(root, role, name):
    return e2e.wait_for(lambda: e2e.find_one(root, role, where=lambda o: called(o, name)),
                        e2e.PAGE_TIMEOUT, 'a %s named %r' % (role, name))


def module_title(frame, title):
    return e2e.wait_for(
        lambda: [l for l in e2e.find_all(frame, pyatspi.ROLE_LABEL)
                 if e2e.has_size(l) and e2e.text_of(l) == title],
        e2e.PAGE_TIMEOUT, 'the module %r' % title)


def press(frame, name, role=pyatspi.ROLE_PUSH_BUTTON):
    button = visible(frame, role, name)
    e2e.wait_for(lambda: e2e.is_sensitive(button), e2e.PAGE_TIMEOUT,
                 '%r to be enabled' % name)
    do_action(button)
    return button


def is_on(button):
    """GTK 4.8 shows a toggle button as a push button that is "pressed",
    a check button as a check box that is "checked"."""
    state = button.getState()
    return state.contains(pyatspi.STATE_CHECKED) or state.contains(pyatspi.STATE_PRESSED)


def find_choice(frame, name):
    return e2e.wait_for(
        lambda: e2e.find_one(frame, pyatspi.ROLE_PUSH_BUTTON, name)
        or e2e.find_one(frame, pyatspi.ROLE_TOGGLE_BUTTON, name)
        or e2e.find_one(frame, pyatspi.ROLE_CHECK_BOX, name),
        e2e.PAGE_TIMEOUT, 'the choice %r' % name)


def choose(frame, name):
    """Clicks a choice (toggle or check button) and waits for it to be on."""
    button = find_choice(frame, name)
    do_action(button)
    e2e.wait_for(lambda: is_on(button), e2e.PAGE_TIMEOUT, '%r to be chosen' % name)


def enter(frame, name, text):
    entry = e2e.wait_for(lambda: e2e.find_one(frame, pyatspi.ROLE_TEXT, name),
                         e2e.PAGE_TIMEOUT, 'the entry %r' % name)
    entry.queryEditableText().setTextContents(text)
    e2e.wait_for(lambda: e2e.text_of(entry) == text, e2e.PAGE_TIMEOUT,
                 '%r to hold %r' % (name, text))


def choose_from_menu(app, button, item):
    """Opens the menu button @button and activates its item @item."""
    # A GtkMenuButton is a button around the button that has the action.
    menu = e2e.wait_for(
        lambda: [b for b in e2e.find_all(app.frame, pyatspi.ROLE_PUSH_BUTTON, button)
                 if e2e.has_size(b) and b.queryAction().nActions > 0],
        e2e.PAGE_TIMEOUT, 'the menu button %r' % button)
    do_action(menu[-1])
    found = e2e.wait_for(
        lambda: [i for i in e2e.find_all(app.atspi, pyatspi.ROLE_MENU_ITEM)
                 if e2e.named(i, item) and e2e.has_size(i)],
        e2e.PAGE_TIMEOUT, 'the menu item %r' % item)
    do_action(found[0])


def open_customer(app, tap):
    frame, display = app.frame, app.display
    table = e2e.wait_for(
        lambda: e2e.find_one(frame, pyatspi.ROLE_TREE_TABLE, 'Customers'),
        e2e.PAGE_TIMEOUT, 'the customer list')
    cell = e2e.wait_for(
        lambda: [l for l in e2e.find_all(table, pyatspi.ROLE_LABEL)
                 if e2e.has_size(l) and e2e.text_of(l) == NAME],
        e2e.PAGE_TIMEOUT, '%s in the customer list' % NAME)
    display.click_object(cell[0])
    e2e.wait_for(lambda: [h for h in e2e.find_all(frame, pyatspi.ROLE_HEADING)
                          if e2e.has_size(h) and e2e.text_of(h) == NAME],
                 e2e.PAGE_TIMEOUT, 'the detail of %s' % NAME)
    tap.ok(True, 'a click on the row shows %s' % NAME)

    choose_from_menu(app, 'More Actions', 'Fill In Questionnaire')


def answer_first_modules(app, tap, outdir, prefix):
    frame = app.frame
    module_title(frame, 'Basic information')
    company = e2e.wait_for(lambda: e2e.find_one(frame, pyatspi.ROLE_TEXT, 'Company name'),
                           e2e.PAGE_TIMEOUT, 'the "Company name" entry')
    tap.ok(e2e.text_of(company) == NAME,
           'the questionnaire opens prefilled with the customer\'s name',
           'it holds %r' % e2e.text_of(company))
    choose(frame, '制造业')
    enter(frame, 'Number of employees', '350')
    e2e.screenshot(os.path.join(outdir, prefix + 'basic.png'))
    press(frame, 'Next')

    module_title(frame, 'Current business needs')
    choose(frame, 'Cost reduction')
    choose(frame, 'Other')
    enter(frame, 'Core concerns: other', OTHER)
    enter(frame, 'Main pain point', PAIN)
    e2e.screenshot(os.path.join(outdir, prefix + 'needs.png'))
    press(frame, 'Next')

    module_title(frame, 'Cooperation history')
    choose(frame, 'Overall satisfaction: 2 of 5')
    # Below 4, the reasons for not renewing are asked.
    reasons = e2e.find_one(frame, pyatspi.ROLE_TEXT, 'Reasons for not renewing')
    tap.ok(reasons is not None and e2e.is_sensitive(reasons),
           'satisfaction 2 asks for the reasons for not renewing')
    e2e.screenshot(os.path.join(outdir, prefix + 'history.png'))
    press(frame, 'Next')
    module_title(frame, 'Relationship maintenance')


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--output-dir', help='where to keep the screenshots')
    args = parser.parse_args()

    tap = e2e.Tap()
    outdir = e2e.output_dir(args)
    os.makedirs(outdir, exist_ok=True)
    prefix = 'questionnaire-fill-'
    workdir = e2e.make_workdir('questionnaire')
    # The app started again after the kill gets a home of its own.
    second_workdir = e2e.make_workdir('questionnaire-again')
    app = None

    try:
        binary = e2e.rapport_binary()
        e2e.check_tools()
        database = os.path.join(workdir, 'rapport.db')
        app = e2e.App(binary, workdir, database)

        csv_path = os.path.join(workdir, 'customer.csv')
        with open(csv_path, 'w', encoding='utf-8', newline='') as f:
            f.write('客户名称,所属行业,员工数,客户类型,联系人,电话,标签\r\n'
                    '%s,互联网,120,老客户,%s,%s,老朋友\r\n' % (NAME, CONTACT, PHONE))
        output = app.cli('import', 'customers', csv_path)
        tap.ok('Imported 1 customer' in output, 'the customer is imported', output)

        app.start(tap, 'Rapport')
        global DISPLAY
        DISPLAY = app.display
        open_customer(app, tap)
        answer_first_modules(app, tap, outdir, prefix)
        tap.ok(True, 'three modules answered, one at a time')

        # kill -9 in the middle of the questionnaire.
        app.process.send_signal(signal.SIGKILL)
        app.process.wait()
        e2e.release_keys()
        app = e2e.App(binary, second_workdir, database)
        app.start(tap, 'Rapport')
        DISPLAY = app.display
        frame = app.frame

        switcher = e2e.wait_for(lambda: e2e.header_switcher(app.atspi, 5),
                                e2e.ATSPI_TIMEOUT, 'the view switcher')
        tab = [t for t in e2e.tabs_of(switcher) if t.name == 'Questionnaires']
        app.display.click_object(tab[0])
        button = e2e.wait_for(
            lambda: e2e.find_one(frame, pyatspi.ROLE_PUSH_BUTTON,
                                 'Continue the questionnaire for %s' % NAME),
            e2e.PAGE_TIMEOUT, 'the draft of %s under Drafts' % NAME)
        e2e.screenshot(os.path.join(outdir, prefix + 'drafts.png'))
        tap.ok(True, 'after SIGKILL the draft is listed on the Questionnaires page')
        do_action(button)
        try:
            module_title(frame, 'Relationship maintenance')
            passed, detail = True, None
        except Fatal as e:
            passed, detail = False, str(e)
        tap.ok(passed, 'the draft reopens on the module it was left at', detail)

        # Every answer given before the kill is still there.
        press(frame, 'Previous')
        module_title(frame, 'Cooperation history')
        rating = find_choice(frame, 'Overall satisfaction: 2 of 5')
        tap.ok(is_on(rating),
               'the satisfaction given before the kill is kept')

        # Escape leaves the questionnaire without losing anything: the
        # page changes back to the list of drafts, whose button (clicked
        # for real, so it must be on screen) reopens the draft with its
        # answers.
        filling = app.display.content_pixels()
        e2e.key('Escape')
        e2e.wait_for(lambda: app.display.content_pixels_unlike(filling),
                     e2e.PAGE_TIMEOUT, 'the page to change after Escape')
        button = e2e.find_one(frame, pyatspi.ROLE_PUSH_BUTTON,
                              'Continue the questionnaire for %s' % NAME)
        tap.ok(button is not None, 'Escape leaves the questionnaire for the list of drafts')
        app.display.click_object(button)
        module_title(frame, 'Cooperation history')
        rating = find_choice(frame, 'Overall satisfaction: 2 of 5')
        tap.ok(is_on(rating), 'after Escape the draft reopens with its answers')
        press(frame, 'Next')

        module_title(frame, 'Relationship maintenance')
        choose(frame, 'Contact monthly')
        press(frame, 'Next')
        module_title(frame, 'Expansion plans')
        enter(frame, 'Plans for the next 6 to 12 months', PLANS)
        press(frame, 'Next')
        module_title(frame, 'Other')
        e2e.screenshot(os.path.join(outdir, prefix + 'last.png'))
        press(frame, 'Submit…')

        dialog = e2e.wait_for(lambda: e2e.find_toplevel(app.atspi, 'Submit Questionnaire?')
                              or [c for c in e2e.children_of(app.atspi)
                                  if e2e.find_all(c, pyatspi.ROLE_LABEL,
                                                  where=lambda l: e2e.text_of(l) == 'Submit Questionnaire?')],
                              e2e.PAGE_TIMEOUT, 'the confirmation dialog')
        if isinstance(dialog, list):
            dialog = dialog[0]
        texts = [e2e.text_of(l) for l in e2e.find_all(dialog, pyatspi.ROLE_LABEL)]
        shot = e2e.screenshot(os.path.join(outdir, prefix + 'confirm.png'))
        for expected in ('Tags', 'Cost reduction', OTHER, 'Contact monthly',
                         'Key follow-up', 'Draft requirements (source: survey)'):
            tap.ok(any(expected in t for t in texts),
                   'the confirmation lists %r (%s)' % (expected, os.path.basename(shot)),
                   'labels: %r' % texts)
        do_action(visible(dialog, pyatspi.ROLE_PUSH_BUTTON, 'Submit'))
        visible(frame, pyatspi.ROLE_PUSH_BUTTON, 'Import…')
        e2e.screenshot(os.path.join(outdir, prefix + 'submitted.png'))

        # The results of the template count the response.
        choose_from_menu(app, 'More actions for “Customer information questionnaire”', 'Results')
        try:
            summary = e2e.wait_for(
                lambda: [l for l in e2e.find_all(frame, pyatspi.ROLE_LABEL)
                         if e2e.has_size(l) and e2e.text_of(l).startswith('1 response ·')],
                e2e.PAGE_TIMEOUT, 'the results summary')
            passed, detail = True, e2e.text_of(summary[0])
        except Fatal as e:
            passed, detail = False, str(e)
        shot = e2e.screenshot(os.path.join(outdir, prefix + 'results.png'))
        tap.ok(passed, 'the results count the submitted response (%s)' % os.path.basename(shot), detail)

        e2e.focus_window(app.window_id)
        quit_ok = app.quit(tap)
        app.check_output(tap)

        if quit_ok:
            connection = sqlite3.connect('file:%s?mode=ro' % database, uri=True)
            try:
                customer = connection.execute(
                    '''SELECT i.code, c.employees, c.pain_points FROM customer c
                       LEFT JOIN industry i ON i.id = c.industry_id''').fetchall()
                tags = {row[0] for row in connection.execute(
                    '''SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id''')}
                states = connection.execute(
                    'SELECT state FROM questionnaire_response').fetchall()
                requirements = connection.execute(
                    '''SELECT r.description, r.source, r.status,
                              (SELECT count(*) FROM requirement_evidence e
                               WHERE e.requirement_id = r.id AND e.kind = 'answer')
                       FROM requirement r''').fetchall()
                flags = connection.execute(
                    'SELECT count(*) FROM key_follow_up WHERE cleared_at IS NULL').fetchone()[0]
            finally:
                connection.close()
            tap.ok(customer == [('MFG', 350, PAIN)],
                   'the customer now has industry MFG, 350 employees and the pain point',
                   'industry, employees, pain points: %r' % customer)
            want = {'老朋友', 'Cost reduction', OTHER, 'Contact monthly'}
            tap.ok(tags == want, 'the customer carries the tags %r' % sorted(want),
                   'tags: %r' % sorted(tags))
            tap.ok(states == [('submitted',)], 'the response is submitted',
                   'states: %r' % states)
            tap.ok((PAIN, 'survey', 'pending', 1) in requirements,
                   'the pain point became a pending requirement from the survey, '
                   'with the answer as evidence',
                   'requirements: %r' % requirements)
            tap.ok(flags == 1, 'satisfaction 2 flagged the customer for key follow-up',
                   'open key follow-ups: %r' % flags)

    except Exception as e:
        e2e.report_failure(tap, e, app,
                           os.path.join(outdir, prefix + 'atspi-tree.txt'))
    finally:
        if app is not None:
            app.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        shutil.rmtree(second_workdir, ignore_errors=True)

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
