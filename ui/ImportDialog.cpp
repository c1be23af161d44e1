#include "ImportDialog.h"

#include "CsvReader.h"
#include "ImportColumnBar.h"
#include "ImportPreviewModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QString encodingName(CsvTable::Encoding encoding)
{
    switch (encoding) {
    case CsvTable::Encoding::Utf8:
        return ImportDialog::tr("UTF-8");
    case CsvTable::Encoding::Latin1:
        return ImportDialog::tr("Latin-1");
    }
    return {};
}

QString separatorName(QChar separator)
{
    if (separator == QLatin1Char(','))
        return ImportDialog::tr("Comma (,)");
    if (separator == QLatin1Char(';'))
        return ImportDialog::tr("Semicolon (;)");
    if (separator == QLatin1Char('\t'))
        return ImportDialog::tr("Tab");
    return QString(separator);
}

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    // The file's name and the reader's words about the file's text: shown as they are.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

// Gives `field` to `column` alone: a column that had it no longer fills it.
void give(ImportMapping &mapping, int column, std::optional<OpportunityField> field)
{
    if (column >= mapping.columnCount())
        return;
    if (field) {
        const int other = mapping.columnOf(*field);
        if (other >= 0 && other != column)
            mapping.setField(other, std::nullopt);
    }
    mapping.setField(column, field);
}

} // namespace

ImportDialog::ImportDialog(ImportPlan::Context context, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
    , m_file(plainLabel(this))
    , m_encoding(new QComboBox(this))
    , m_separator(new QComboBox(this))
    , m_readError(plainLabel(this))
    , m_createOnly(new QRadioButton(tr("&Create new deals"), this))
    , m_updateById(new QRadioButton(tr("&Update deals by id (create the rest)"), this))
    , m_preview(new QTableView(this))
    , m_model(new ImportPreviewModel(this))
    , m_counts(plainLabel(this))
    , m_problems(new QListWidget(this))
    , m_allOrNothing(new QCheckBox(tr("Import &nothing while any row has an error"), this))
{
    setWindowTitle(tr("Import CSV"));
    m_encoding->addItem(QString());
    m_encoding->addItem(encodingName(CsvTable::Encoding::Utf8),
                        static_cast<int>(CsvTable::Encoding::Utf8));
    m_encoding->addItem(encodingName(CsvTable::Encoding::Latin1),
                        static_cast<int>(CsvTable::Encoding::Latin1));
    m_separator->addItem(QString());
    for (const char separator : {',', ';', '\t'})
        m_separator->addItem(separatorName(QLatin1Char(separator)), int(separator));
    m_readError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_readError->hide();
    m_createOnly->setChecked(true);

    m_model->setExisting(m_context.existing);
    m_preview->setModel(m_model);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->setWordWrap(false);
    m_preview->setAlternatingRowColors(true);
    m_preview->horizontalHeader()->setSectionsMovable(false);
    m_columns = new ImportColumnBar(*m_preview, this);
    m_problems->setMaximumHeight(fontMetrics().height() * 7);

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), m_file);
    form->addRow(tr("&Encoding:"), m_encoding);
    form->addRow(tr("&Separator:"), m_separator);
    auto *mode = new QHBoxLayout;
    mode->addWidget(m_createOnly);
    mode->addWidget(m_updateById);
    mode->addStretch();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_readError);
    layout->addLayout(mode);
    layout->addWidget(m_columns);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_counts);
    auto *problemsTitle = new QLabel(tr("&Rows that would not be imported:"), this);
    problemsTitle->setBuddy(m_problems);
    layout->addWidget(problemsTitle);
    layout->addWidget(m_problems);
    layout->addWidget(m_allOrNothing);
    layout->addWidget(buttons);
    resize(960, 640);

    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ImportDialog::read);
    connect(m_separator, &QComboBox::currentIndexChanged, this, &ImportDialog::read);
    connect(m_createOnly, &QRadioButton::toggled, this, &ImportDialog::replan);
    connect(m_columns, &ImportColumnBar::fieldPicked, this, &ImportDialog::pickField);
    connect(m_allOrNothing, &QCheckBox::toggled, this, &ImportDialog::updateImportButton);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateImportButton();
}

ImportDialog::~ImportDialog() = default;

Status ImportDialog::open(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Failure{
            tr("%1 could not be read: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    setFile(QDir::toNativeSeparators(path), file.readAll());
    return {};
}

void ImportDialog::setFile(const QString &name, const QByteArray &bytes)
{
    m_file->setText(name);
    m_bytes = bytes;
    m_picked.clear();
    read();
}

void ImportDialog::read()
{
    CsvReader::Options options;
    if (const QVariant chosen = m_encoding->currentData(); chosen.isValid())
        options.encoding = static_cast<CsvTable::Encoding>(chosen.toInt());
    if (const QVariant chosen = m_separator->currentData(); chosen.isValid())
        options.separator = QChar(chosen.toInt());
    // The first choice of each says what detection finds in this file.
    const CsvTable::Encoding detected = CsvReader::detectEncoding(m_bytes);
    m_encoding->setItemText(0, tr("Detected: %1").arg(encodingName(detected)));
    const QString text = options.encoding.value_or(detected) == CsvTable::Encoding::Utf8
                             ? QString::fromUtf8(m_bytes)
                             : QString::fromLatin1(m_bytes);
    m_separator->setItemText(
        0, tr("Detected: %1").arg(separatorName(CsvReader::detectSeparator(text))));

    Result<CsvTable> table = CsvReader::read(m_bytes, options);
    m_readOk = table.ok();
    m_readError->setText(table.error());
    m_readError->setVisible(!m_readOk);
    m_table = m_readOk ? std::move(table).value() : CsvTable();

    ImportMapping mapping = ImportMapping::guess(m_table.header);
    // The user's own choices outlive a re-read that keeps the columns.
    if (mapping.columnCount() != m_mapping.columnCount())
        m_picked.clear();
    for (auto it = m_picked.cbegin(); it != m_picked.cend(); ++it)
        give(mapping, it.key(), it.value());
    m_mapping = mapping;
    m_model->setTable(m_table, m_mapping);
    m_columns->setMapping(m_mapping);
    replan();
}

void ImportDialog::pickField(int column)
{
    const std::optional<OpportunityField> field = m_columns->field(column);
    if (field) {
        const int other = m_mapping.columnOf(*field);
        if (other >= 0 && other != column)
            m_picked.insert(other, std::nullopt);
    }
    m_picked.insert(column, field);
    give(m_mapping, column, field);
    m_model->setMapping(m_mapping);
    m_columns->setMapping(m_mapping);
    replan();
}

void ImportDialog::replan()
{
    const ImportPlan::Mode mode =
        m_updateById->isChecked() ? ImportPlan::Mode::UpdateById : ImportPlan::Mode::CreateOnly;
    m_plan = m_readOk ? ImportPlan::build(m_table, m_mapping, mode, m_context) : ImportPlan();
    m_model->setRows(m_plan.rows());
    showPlan();
}

void ImportDialog::showPlan()
{
    m_counts->setVisible(m_readOk);
    m_counts->setText(QStringList{tr("%n new", "deals an import creates", m_plan.createCount()),
                                  tr("%n update(s)", nullptr, m_plan.updateCount()),
                                  tr("%n row(s) with errors", nullptr, m_plan.invalidCount()),
                                  tr("%n likely duplicate(s)", nullptr, m_plan.duplicateCount())}
                          .join(QStringLiteral(", ")));
    // Items of a list view are plain text: the file's words are shown as they are.
    m_problems->clear();
    m_problems->addItems(m_plan.report());
    updateImportButton();
}

void ImportDialog::updateImportButton()
{
    const int valid = m_readOk ? m_plan.validCount() : 0;
    m_import->setText(tr("&Import %n valid row(s)", nullptr, valid));
    const bool anyError = m_plan.invalidCount() > 0 || !m_plan.problems().isEmpty();
    const bool held = m_allOrNothing->isChecked() && anyError;
    m_import->setEnabled(valid > 0 && !held);
    m_import->setToolTip(held ? tr("Some rows have errors: correct the file or the columns' "
                                   "fields, or let the valid rows go in alone.")
                              : QString());
}
