#include "PeopleSettingsPage.h"

#include "PeopleBook.h"
#include "PersonAvatar.h"
#include "RecordStore.h"

#include <QFont>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

// Where the cache keeps the owner id the server's /users/me answered (sync/PeopleTable).
const QString serverMeSetting = QStringLiteral("people/serverMeId");

} // namespace

PeopleSettingsPage::PeopleSettingsPage(RecordStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_readError(new QLabel(this))
    , m_remove(new QPushButton(tr("&Remove my name"), this))
    , m_setMe(new QPushButton(tr("This is m&e"), this))
    , m_meLabel(new QLabel(this))
    , m_newId(new QLineEdit(this))
    , m_newName(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add"), this))
{
    auto *intro = new QLabel(tr("Names for the owners of deals. A name you give is kept on this "
                                "computer and shown instead of the server's."),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    m_readError->setTextFormat(Qt::PlainText);
    m_readError->setWordWrap(true);
    m_readError->hide();
    m_table->setHorizontalHeaderLabels({tr("Owner id"), tr("Name"), tr("Email"), tr("Source")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_meLabel->setTextFormat(Qt::PlainText);
    m_meLabel->setWordWrap(true);
    m_newId->setPlaceholderText(QStringLiteral("auth0|5f1c9a7e2b"));
    m_newName->setPlaceholderText(tr("Ana Souza"));

    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(m_remove);
    rowButtons->addWidget(m_setMe);
    rowButtons->addStretch();
    auto *addForm = new QFormLayout;
    auto *idLabel = new QLabel(tr("Owner i&d:"), this);
    idLabel->setBuddy(m_newId);
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_newName);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_newName, 1);
    nameRow->addWidget(m_add);
    addForm->addRow(idLabel, m_newId);
    addForm->addRow(nameLabel, nameRow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_readError);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(m_meLabel);
    layout->addLayout(addForm);

    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        updateRow(item->row());
        updateMe();
        updateButtons();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PeopleSettingsPage::updateButtons);
    connect(m_remove, &QPushButton::clicked, this, &PeopleSettingsPage::removeName);
    connect(m_setMe, &QPushButton::clicked, this, &PeopleSettingsPage::chooseMe);
    connect(m_add, &QPushButton::clicked, this, &PeopleSettingsPage::addPerson);
    for (QLineEdit *field : {m_newId, m_newName})
        connect(field, &QLineEdit::textChanged, this, &PeopleSettingsPage::updateButtons);
    connect(m_newName, &QLineEdit::returnPressed, this, &PeopleSettingsPage::addPerson);
    load();
}

void PeopleSettingsPage::load()
{
    const Result<QList<KnownPerson>> known = m_store.knownPeople();
    if (!known) {
        // Nothing to edit from: saving writes nothing rather than forgetting names.
        m_readError->setText(tr("The people book could not be read: %1").arg(known.error()));
        m_readError->show();
        setEnabled(false);
        return;
    }
    m_meFromServer = !m_store.setting(serverMeSetting).isEmpty();
    for (const KnownPerson &person : *known) {
        if (person.isMe)
            m_meId = m_savedMeId = person.person.id;
        appendRow({person, person.person.name, false});
    }
    updateMe();
    updateButtons();
}

void PeopleSettingsPage::appendRow(const Entry &entry)
{
    const QString &id = entry.known.person.id;
    m_entries.insert(id, entry);
    const QSignalBlocker blocker(m_table);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const auto readOnly = [](const QString &text) {
        auto *item = new QTableWidgetItem(text);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        return item;
    };
    m_table->setItem(row, IdColumn, readOnly(id));
    m_table->setItem(row, NameColumn, new QTableWidgetItem(entry.shownName));
    m_table->setItem(row, EmailColumn, readOnly(entry.known.person.email));
    m_table->setItem(row, SourceColumn, readOnly(QString()));
    updateRow(row);
}

void PeopleSettingsPage::updateRow(int row)
{
    const QString id = idAt(row);
    const auto entry = m_entries.constFind(id);
    if (entry == m_entries.cend())
        return;
    const QString name = m_table->item(row, NameColumn)->text().trimmed();
    const bool edited = name != entry->shownName;
    QString source;
    if (entry->removed)
        source = entry->known.fromServer ? tr("from the server, once saved") : tr("no name");
    else if (edited && name.isEmpty())
        source = entry->known.fromServer ? tr("from the server, once saved") : tr("no name");
    else if (edited || entry->known.namedByUser)
        source = entry->known.fromServer ? tr("yours, over the server's") : tr("yours");
    else
        source = entry->known.fromServer ? tr("from the server") : tr("no name");
    if (id == m_meId)
        source = tr("%1 · you").arg(source);
    const QSignalBlocker blocker(m_table);
    m_table->item(row, SourceColumn)->setText(source);
    PeopleBook book;
    book.insert({id, entry->removed ? QString() : name, QString()});
    m_table->item(row, IdColumn)->setIcon(PersonAvatar::icon(book, id, 16));
    QFont font = m_table->item(row, IdColumn)->font();
    font.setBold(id == m_meId);
    for (int column = 0; column < ColumnCount; ++column)
        m_table->item(row, column)->setFont(font);
}

void PeopleSettingsPage::addPerson()
{
    const QString id = m_newId->text().trimmed();
    const QString name = m_newName->text().trimmed();
    if (id.isEmpty() || name.isEmpty())
        return;
    int row = rowOf(id);
    if (row < 0) {
        Entry entry;
        entry.known.person.id = id;
        entry.known.namedByUser = true;
        appendRow(entry);
        row = m_table->rowCount() - 1;
    }
    m_entries[id].removed = false;
    m_table->item(row, NameColumn)
        ->setFlags(m_table->item(row, NameColumn)->flags() | Qt::ItemIsEditable);
    m_table->item(row, NameColumn)->setText(name); // updates the row
    m_table->selectRow(row);
    m_newId->clear();
    m_newName->clear();
}

void PeopleSettingsPage::removeName()
{
    const int row = m_table->currentRow();
    const QString id = idAt(row);
    if (!m_entries.contains(id))
        return;
    Entry &entry = m_entries[id];
    QTableWidgetItem *name = m_table->item(row, NameColumn);
    if (!entry.known.namedByUser) {
        // Not the user's own name before: undoing the edit is all there is to remove.
        name->setText(entry.shownName);
        return;
    }
    if (!entry.known.fromServer && id != m_meId) {
        // Nothing else knows this id: the row goes, and the saved name with it.
        entry.removed = true;
        m_table->removeRow(row);
        updateButtons();
        return;
    }
    entry.removed = true;
    const QSignalBlocker blocker(m_table);
    name->setText(QString());
    name->setFlags(name->flags() & ~Qt::ItemIsEditable);
    updateRow(row);
    updateButtons();
}

void PeopleSettingsPage::chooseMe()
{
    const QString chosen = idAt(m_table->currentRow());
    if (chosen.isEmpty() || m_meFromServer)
        return;
    const int before = rowOf(m_meId);
    m_meId = chosen;
    if (before >= 0)
        updateRow(before);
    updateRow(rowOf(chosen));
    updateMe();
    updateButtons();
}

void PeopleSettingsPage::updateMe()
{
    const int row = rowOf(m_meId);
    const QString name = row < 0 ? QString() : m_table->item(row, NameColumn)->text().trimmed();
    const QString who =
        name.isEmpty() || name == m_meId ? m_meId : QStringLiteral("%1 (%2)").arg(name, m_meId);
    if (m_meFromServer)
        m_meLabel->setText(tr("The server says you are %1: it knows the user of your API key, so "
                              "this is not set here.")
                               .arg(who));
    else if (m_meId.isEmpty())
        m_meLabel->setText(tr("Nobody is marked as you. Choose your row and press \"This is me\": "
                              "\"My deals\" and new deals use it."));
    else
        m_meLabel->setText(tr("You are %1.").arg(who));
}

void PeopleSettingsPage::updateButtons()
{
    const int row = m_table->currentRow();
    const QString id = m_table->selectionModel()->hasSelection() ? idAt(row) : QString();
    const auto entry = m_entries.constFind(id);
    const bool editedOrOwn = entry != m_entries.cend() && !entry->removed &&
                             (entry->known.namedByUser ||
                              m_table->item(row, NameColumn)->text().trimmed() != entry->shownName);
    m_remove->setEnabled(editedOrOwn);
    m_setMe->setEnabled(!id.isEmpty() && !m_meFromServer && id != m_meId);
    m_setMe->setToolTip(m_meFromServer ? tr("The server says who you are") : QString());
    m_add->setEnabled(!m_newId->text().trimmed().isEmpty() &&
                      !m_newName->text().trimmed().isEmpty());
}

Status PeopleSettingsPage::save()
{
    for (const Entry &entry : std::as_const(m_entries)) {
        const QString &id = entry.known.person.id;
        const int row = rowOf(id);
        const QString name =
            entry.removed || row < 0 ? QString() : m_table->item(row, NameColumn)->text().trimmed();
        const bool changed = entry.removed ? entry.known.namedByUser : name != entry.shownName;
        if (!changed)
            continue;
        if (const Status saved = m_store.setLocalPerson({id, name, QString()}); !saved)
            return saved;
    }
    if (!m_meFromServer && m_meId != m_savedMeId) {
        if (const Status saved = m_store.setLocalMeId(m_meId); !saved)
            return saved;
    }
    return {};
}

int PeopleSettingsPage::rowOf(const QString &id) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (idAt(row) == id)
            return row;
    }
    return -1;
}

QString PeopleSettingsPage::idAt(int row) const
{
    const QTableWidgetItem *item = row < 0 ? nullptr : m_table->item(row, IdColumn);
    return item ? item->text() : QString();
}
