#pragma once

#include <QLabel>

// The line under a form field that says what is wrong with it. It always takes the height of one
// line, message or not, so the form does not jump as messages come and go; a message longer than
// the line is elided, whole in the tooltip and the accessible description.
class FieldErrorLine final : public QLabel
{
    Q_OBJECT

public:
    explicit FieldErrorLine(QWidget *parent = nullptr);

    void setMessage(const QString &message);
    QString message() const { return m_message; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();

    QString m_message;
};
