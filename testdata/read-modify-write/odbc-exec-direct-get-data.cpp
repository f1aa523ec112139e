// Racy: the stock level is read by SQLExecDirect() with the key in the SQL
// text, fetched with SQLGetData(), decremented in C++ and written back. Two
// sales that read the same stock both write "stock - quantity".
// REQUIRES: pkg(odbc)
#include <sql.h>
#include <sqlext.h>

void sell(SQLHDBC Dbc, SQLINTEGER Quantity) {
  SQLHSTMT Read;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Read);
  // note: sqlrace-read-modify-write 'stock' read from 'products' here, keyed on (sku)
  SQLExecDirect(Read, (SQLCHAR *)"SELECT stock FROM products WHERE sku = 'A-100'", SQL_NTS);
  if (SQLFetch(Read) == SQL_NO_DATA)
    return;
  SQLINTEGER Stock = 0;
  SQLGetData(Read, 1, SQL_C_LONG, &Stock, 0, nullptr);
  SQLFreeHandle(SQL_HANDLE_STMT, Read);
  SQLINTEGER Left = Stock - Quantity;

  SQLHSTMT Write;
  SQLAllocHandle(SQL_HANDLE_STMT, Dbc, &Write);
  SQLPrepare(Write, (SQLCHAR *)"UPDATE products SET stock = ? WHERE sku = 'A-100'", SQL_NTS);
  SQLBindParameter(Write, 1, SQL_PARAM_INPUT, SQL_C_LONG, SQL_INTEGER, 0, 0, &Left, 0, nullptr);
  // expect: sqlrace-read-modify-write update of 'products.stock' writes back ...*
  // note: sqlrace-read-modify-write no row lock (SELECT ... FOR UPDATE in the same transaction), serializable transaction or guarded UPDATE protects the value between the read and the write
  // note: sqlrace-read-modify-write atomic rewrite: UPDATE products SET stock = stock - ? WHERE sku = 'A-100', binding the change instead of the new value
  SQLExecute(Write);
  SQLFreeHandle(SQL_HANDLE_STMT, Write);
}
